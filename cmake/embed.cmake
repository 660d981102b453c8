# Writes OUTPUT: a C++ source defining `const std::string_view SYMBOL` with INPUT's bytes.
# Usage: cmake -DINPUT=... -DOUTPUT=... -DSYMBOL=... -P embed.cmake
file(READ "${INPUT}" content)
string(FIND "${content}" ")imfolio_embed\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter")
endif()
file(WRITE "${OUTPUT}.tmp" "// Generated from ${INPUT} by cmake/embed.cmake. Do not edit.\n#include <string_view>\nnamespace app {\nextern const std::string_view ${SYMBOL};\nconst std::string_view ${SYMBOL} = R\"imfolio_embed(${content})imfolio_embed\";\n}  // namespace app\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
