// The native imfolio: desktop viewer and command-line tool (see app/cli.h).
#include <string>
#include <vector>

#include "app/cli.h"

int main(int argc, char** argv) { return app::run_cli(std::vector<std::string>(argv + 1, argv + argc)); }
