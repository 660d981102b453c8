// The imfolio page: main() sets up and returns; requestAnimationFrame drives it after.
#include "platform/web/web_runner.h"

int main() {
    platform::web::start();
    return 0;
}
