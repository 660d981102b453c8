#include "profile/latex.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "profile/load.h"
#include "profile/text.h"

namespace profile {

namespace {

// (base, combining mark) -> precomposed character, sorted. Generated from Python's
// unicodedata: every pair among the Latin letters (U+0041-U+024F, U+1E00-U+1EFF) and
// the marks of LaTeX's accent commands whose NFC form is one character. Bases may be
// precomposed themselves, so two accents (\'{\"u} -> ǘ) compose step by step.
struct Composition {
    char16_t base, mark, composed;
};
constexpr Composition kCompositions[] = {
    {0x0041, 0x0300, 0x00C0}, {0x0041, 0x0301, 0x00C1}, {0x0041, 0x0302, 0x00C2}, {0x0041, 0x0303, 0x00C3}, {0x0041, 0x0304, 0x0100},
    {0x0041, 0x0306, 0x0102}, {0x0041, 0x0307, 0x0226}, {0x0041, 0x0308, 0x00C4}, {0x0041, 0x030A, 0x00C5}, {0x0041, 0x030C, 0x01CD},
    {0x0041, 0x0323, 0x1EA0}, {0x0041, 0x0328, 0x0104}, {0x0042, 0x0307, 0x1E02}, {0x0042, 0x0323, 0x1E04}, {0x0042, 0x0331, 0x1E06},
    {0x0043, 0x0301, 0x0106}, {0x0043, 0x0302, 0x0108}, {0x0043, 0x0307, 0x010A}, {0x0043, 0x030C, 0x010C}, {0x0043, 0x0327, 0x00C7},
    {0x0044, 0x0307, 0x1E0A}, {0x0044, 0x030C, 0x010E}, {0x0044, 0x0323, 0x1E0C}, {0x0044, 0x0327, 0x1E10}, {0x0044, 0x0331, 0x1E0E},
    {0x0045, 0x0300, 0x00C8}, {0x0045, 0x0301, 0x00C9}, {0x0045, 0x0302, 0x00CA}, {0x0045, 0x0303, 0x1EBC}, {0x0045, 0x0304, 0x0112},
    {0x0045, 0x0306, 0x0114}, {0x0045, 0x0307, 0x0116}, {0x0045, 0x0308, 0x00CB}, {0x0045, 0x030C, 0x011A}, {0x0045, 0x0323, 0x1EB8},
    {0x0045, 0x0327, 0x0228}, {0x0045, 0x0328, 0x0118}, {0x0046, 0x0307, 0x1E1E}, {0x0047, 0x0301, 0x01F4}, {0x0047, 0x0302, 0x011C},
    {0x0047, 0x0304, 0x1E20}, {0x0047, 0x0306, 0x011E}, {0x0047, 0x0307, 0x0120}, {0x0047, 0x030C, 0x01E6}, {0x0047, 0x0327, 0x0122},
    {0x0048, 0x0302, 0x0124}, {0x0048, 0x0307, 0x1E22}, {0x0048, 0x0308, 0x1E26}, {0x0048, 0x030C, 0x021E}, {0x0048, 0x0323, 0x1E24},
    {0x0048, 0x0327, 0x1E28}, {0x0049, 0x0300, 0x00CC}, {0x0049, 0x0301, 0x00CD}, {0x0049, 0x0302, 0x00CE}, {0x0049, 0x0303, 0x0128},
    {0x0049, 0x0304, 0x012A}, {0x0049, 0x0306, 0x012C}, {0x0049, 0x0307, 0x0130}, {0x0049, 0x0308, 0x00CF}, {0x0049, 0x030C, 0x01CF},
    {0x0049, 0x0323, 0x1ECA}, {0x0049, 0x0328, 0x012E}, {0x004A, 0x0302, 0x0134}, {0x004B, 0x0301, 0x1E30}, {0x004B, 0x030C, 0x01E8},
    {0x004B, 0x0323, 0x1E32}, {0x004B, 0x0327, 0x0136}, {0x004B, 0x0331, 0x1E34}, {0x004C, 0x0301, 0x0139}, {0x004C, 0x030C, 0x013D},
    {0x004C, 0x0323, 0x1E36}, {0x004C, 0x0327, 0x013B}, {0x004C, 0x0331, 0x1E3A}, {0x004D, 0x0301, 0x1E3E}, {0x004D, 0x0307, 0x1E40},
    {0x004D, 0x0323, 0x1E42}, {0x004E, 0x0300, 0x01F8}, {0x004E, 0x0301, 0x0143}, {0x004E, 0x0303, 0x00D1}, {0x004E, 0x0307, 0x1E44},
    {0x004E, 0x030C, 0x0147}, {0x004E, 0x0323, 0x1E46}, {0x004E, 0x0327, 0x0145}, {0x004E, 0x0331, 0x1E48}, {0x004F, 0x0300, 0x00D2},
    {0x004F, 0x0301, 0x00D3}, {0x004F, 0x0302, 0x00D4}, {0x004F, 0x0303, 0x00D5}, {0x004F, 0x0304, 0x014C}, {0x004F, 0x0306, 0x014E},
    {0x004F, 0x0307, 0x022E}, {0x004F, 0x0308, 0x00D6}, {0x004F, 0x030B, 0x0150}, {0x004F, 0x030C, 0x01D1}, {0x004F, 0x0323, 0x1ECC},
    {0x004F, 0x0328, 0x01EA}, {0x0050, 0x0301, 0x1E54}, {0x0050, 0x0307, 0x1E56}, {0x0052, 0x0301, 0x0154}, {0x0052, 0x0307, 0x1E58},
    {0x0052, 0x030C, 0x0158}, {0x0052, 0x0323, 0x1E5A}, {0x0052, 0x0327, 0x0156}, {0x0052, 0x0331, 0x1E5E}, {0x0053, 0x0301, 0x015A},
    {0x0053, 0x0302, 0x015C}, {0x0053, 0x0307, 0x1E60}, {0x0053, 0x030C, 0x0160}, {0x0053, 0x0323, 0x1E62}, {0x0053, 0x0327, 0x015E},
    {0x0054, 0x0307, 0x1E6A}, {0x0054, 0x030C, 0x0164}, {0x0054, 0x0323, 0x1E6C}, {0x0054, 0x0327, 0x0162}, {0x0054, 0x0331, 0x1E6E},
    {0x0055, 0x0300, 0x00D9}, {0x0055, 0x0301, 0x00DA}, {0x0055, 0x0302, 0x00DB}, {0x0055, 0x0303, 0x0168}, {0x0055, 0x0304, 0x016A},
    {0x0055, 0x0306, 0x016C}, {0x0055, 0x0308, 0x00DC}, {0x0055, 0x030A, 0x016E}, {0x0055, 0x030B, 0x0170}, {0x0055, 0x030C, 0x01D3},
    {0x0055, 0x0323, 0x1EE4}, {0x0055, 0x0328, 0x0172}, {0x0056, 0x0303, 0x1E7C}, {0x0056, 0x0323, 0x1E7E}, {0x0057, 0x0300, 0x1E80},
    {0x0057, 0x0301, 0x1E82}, {0x0057, 0x0302, 0x0174}, {0x0057, 0x0307, 0x1E86}, {0x0057, 0x0308, 0x1E84}, {0x0057, 0x0323, 0x1E88},
    {0x0058, 0x0307, 0x1E8A}, {0x0058, 0x0308, 0x1E8C}, {0x0059, 0x0300, 0x1EF2}, {0x0059, 0x0301, 0x00DD}, {0x0059, 0x0302, 0x0176},
    {0x0059, 0x0303, 0x1EF8}, {0x0059, 0x0304, 0x0232}, {0x0059, 0x0307, 0x1E8E}, {0x0059, 0x0308, 0x0178}, {0x0059, 0x0323, 0x1EF4},
    {0x005A, 0x0301, 0x0179}, {0x005A, 0x0302, 0x1E90}, {0x005A, 0x0307, 0x017B}, {0x005A, 0x030C, 0x017D}, {0x005A, 0x0323, 0x1E92},
    {0x005A, 0x0331, 0x1E94}, {0x0061, 0x0300, 0x00E0}, {0x0061, 0x0301, 0x00E1}, {0x0061, 0x0302, 0x00E2}, {0x0061, 0x0303, 0x00E3},
    {0x0061, 0x0304, 0x0101}, {0x0061, 0x0306, 0x0103}, {0x0061, 0x0307, 0x0227}, {0x0061, 0x0308, 0x00E4}, {0x0061, 0x030A, 0x00E5},
    {0x0061, 0x030C, 0x01CE}, {0x0061, 0x0323, 0x1EA1}, {0x0061, 0x0328, 0x0105}, {0x0062, 0x0307, 0x1E03}, {0x0062, 0x0323, 0x1E05},
    {0x0062, 0x0331, 0x1E07}, {0x0063, 0x0301, 0x0107}, {0x0063, 0x0302, 0x0109}, {0x0063, 0x0307, 0x010B}, {0x0063, 0x030C, 0x010D},
    {0x0063, 0x0327, 0x00E7}, {0x0064, 0x0307, 0x1E0B}, {0x0064, 0x030C, 0x010F}, {0x0064, 0x0323, 0x1E0D}, {0x0064, 0x0327, 0x1E11},
    {0x0064, 0x0331, 0x1E0F}, {0x0065, 0x0300, 0x00E8}, {0x0065, 0x0301, 0x00E9}, {0x0065, 0x0302, 0x00EA}, {0x0065, 0x0303, 0x1EBD},
    {0x0065, 0x0304, 0x0113}, {0x0065, 0x0306, 0x0115}, {0x0065, 0x0307, 0x0117}, {0x0065, 0x0308, 0x00EB}, {0x0065, 0x030C, 0x011B},
    {0x0065, 0x0323, 0x1EB9}, {0x0065, 0x0327, 0x0229}, {0x0065, 0x0328, 0x0119}, {0x0066, 0x0307, 0x1E1F}, {0x0067, 0x0301, 0x01F5},
    {0x0067, 0x0302, 0x011D}, {0x0067, 0x0304, 0x1E21}, {0x0067, 0x0306, 0x011F}, {0x0067, 0x0307, 0x0121}, {0x0067, 0x030C, 0x01E7},
    {0x0067, 0x0327, 0x0123}, {0x0068, 0x0302, 0x0125}, {0x0068, 0x0307, 0x1E23}, {0x0068, 0x0308, 0x1E27}, {0x0068, 0x030C, 0x021F},
    {0x0068, 0x0323, 0x1E25}, {0x0068, 0x0327, 0x1E29}, {0x0068, 0x0331, 0x1E96}, {0x0069, 0x0300, 0x00EC}, {0x0069, 0x0301, 0x00ED},
    {0x0069, 0x0302, 0x00EE}, {0x0069, 0x0303, 0x0129}, {0x0069, 0x0304, 0x012B}, {0x0069, 0x0306, 0x012D}, {0x0069, 0x0308, 0x00EF},
    {0x0069, 0x030C, 0x01D0}, {0x0069, 0x0323, 0x1ECB}, {0x0069, 0x0328, 0x012F}, {0x006A, 0x0302, 0x0135}, {0x006A, 0x030C, 0x01F0},
    {0x006B, 0x0301, 0x1E31}, {0x006B, 0x030C, 0x01E9}, {0x006B, 0x0323, 0x1E33}, {0x006B, 0x0327, 0x0137}, {0x006B, 0x0331, 0x1E35},
    {0x006C, 0x0301, 0x013A}, {0x006C, 0x030C, 0x013E}, {0x006C, 0x0323, 0x1E37}, {0x006C, 0x0327, 0x013C}, {0x006C, 0x0331, 0x1E3B},
    {0x006D, 0x0301, 0x1E3F}, {0x006D, 0x0307, 0x1E41}, {0x006D, 0x0323, 0x1E43}, {0x006E, 0x0300, 0x01F9}, {0x006E, 0x0301, 0x0144},
    {0x006E, 0x0303, 0x00F1}, {0x006E, 0x0307, 0x1E45}, {0x006E, 0x030C, 0x0148}, {0x006E, 0x0323, 0x1E47}, {0x006E, 0x0327, 0x0146},
    {0x006E, 0x0331, 0x1E49}, {0x006F, 0x0300, 0x00F2}, {0x006F, 0x0301, 0x00F3}, {0x006F, 0x0302, 0x00F4}, {0x006F, 0x0303, 0x00F5},
    {0x006F, 0x0304, 0x014D}, {0x006F, 0x0306, 0x014F}, {0x006F, 0x0307, 0x022F}, {0x006F, 0x0308, 0x00F6}, {0x006F, 0x030B, 0x0151},
    {0x006F, 0x030C, 0x01D2}, {0x006F, 0x0323, 0x1ECD}, {0x006F, 0x0328, 0x01EB}, {0x0070, 0x0301, 0x1E55}, {0x0070, 0x0307, 0x1E57},
    {0x0072, 0x0301, 0x0155}, {0x0072, 0x0307, 0x1E59}, {0x0072, 0x030C, 0x0159}, {0x0072, 0x0323, 0x1E5B}, {0x0072, 0x0327, 0x0157},
    {0x0072, 0x0331, 0x1E5F}, {0x0073, 0x0301, 0x015B}, {0x0073, 0x0302, 0x015D}, {0x0073, 0x0307, 0x1E61}, {0x0073, 0x030C, 0x0161},
    {0x0073, 0x0323, 0x1E63}, {0x0073, 0x0327, 0x015F}, {0x0074, 0x0307, 0x1E6B}, {0x0074, 0x0308, 0x1E97}, {0x0074, 0x030C, 0x0165},
    {0x0074, 0x0323, 0x1E6D}, {0x0074, 0x0327, 0x0163}, {0x0074, 0x0331, 0x1E6F}, {0x0075, 0x0300, 0x00F9}, {0x0075, 0x0301, 0x00FA},
    {0x0075, 0x0302, 0x00FB}, {0x0075, 0x0303, 0x0169}, {0x0075, 0x0304, 0x016B}, {0x0075, 0x0306, 0x016D}, {0x0075, 0x0308, 0x00FC},
    {0x0075, 0x030A, 0x016F}, {0x0075, 0x030B, 0x0171}, {0x0075, 0x030C, 0x01D4}, {0x0075, 0x0323, 0x1EE5}, {0x0075, 0x0328, 0x0173},
    {0x0076, 0x0303, 0x1E7D}, {0x0076, 0x0323, 0x1E7F}, {0x0077, 0x0300, 0x1E81}, {0x0077, 0x0301, 0x1E83}, {0x0077, 0x0302, 0x0175},
    {0x0077, 0x0307, 0x1E87}, {0x0077, 0x0308, 0x1E85}, {0x0077, 0x030A, 0x1E98}, {0x0077, 0x0323, 0x1E89}, {0x0078, 0x0307, 0x1E8B},
    {0x0078, 0x0308, 0x1E8D}, {0x0079, 0x0300, 0x1EF3}, {0x0079, 0x0301, 0x00FD}, {0x0079, 0x0302, 0x0177}, {0x0079, 0x0303, 0x1EF9},
    {0x0079, 0x0304, 0x0233}, {0x0079, 0x0307, 0x1E8F}, {0x0079, 0x0308, 0x00FF}, {0x0079, 0x030A, 0x1E99}, {0x0079, 0x0323, 0x1EF5},
    {0x007A, 0x0301, 0x017A}, {0x007A, 0x0302, 0x1E91}, {0x007A, 0x0307, 0x017C}, {0x007A, 0x030C, 0x017E}, {0x007A, 0x0323, 0x1E93},
    {0x007A, 0x0331, 0x1E95}, {0x00C2, 0x0300, 0x1EA6}, {0x00C2, 0x0301, 0x1EA4}, {0x00C2, 0x0303, 0x1EAA}, {0x00C2, 0x0323, 0x1EAC},
    {0x00C4, 0x0304, 0x01DE}, {0x00C5, 0x0301, 0x01FA}, {0x00C6, 0x0301, 0x01FC}, {0x00C6, 0x0304, 0x01E2}, {0x00C7, 0x0301, 0x1E08},
    {0x00CA, 0x0300, 0x1EC0}, {0x00CA, 0x0301, 0x1EBE}, {0x00CA, 0x0303, 0x1EC4}, {0x00CA, 0x0323, 0x1EC6}, {0x00CF, 0x0301, 0x1E2E},
    {0x00D4, 0x0300, 0x1ED2}, {0x00D4, 0x0301, 0x1ED0}, {0x00D4, 0x0303, 0x1ED6}, {0x00D4, 0x0323, 0x1ED8}, {0x00D5, 0x0301, 0x1E4C},
    {0x00D5, 0x0304, 0x022C}, {0x00D5, 0x0308, 0x1E4E}, {0x00D6, 0x0304, 0x022A}, {0x00D8, 0x0301, 0x01FE}, {0x00DC, 0x0300, 0x01DB},
    {0x00DC, 0x0301, 0x01D7}, {0x00DC, 0x0304, 0x01D5}, {0x00DC, 0x030C, 0x01D9}, {0x00E2, 0x0300, 0x1EA7}, {0x00E2, 0x0301, 0x1EA5},
    {0x00E2, 0x0303, 0x1EAB}, {0x00E2, 0x0323, 0x1EAD}, {0x00E4, 0x0304, 0x01DF}, {0x00E5, 0x0301, 0x01FB}, {0x00E6, 0x0301, 0x01FD},
    {0x00E6, 0x0304, 0x01E3}, {0x00E7, 0x0301, 0x1E09}, {0x00EA, 0x0300, 0x1EC1}, {0x00EA, 0x0301, 0x1EBF}, {0x00EA, 0x0303, 0x1EC5},
    {0x00EA, 0x0323, 0x1EC7}, {0x00EF, 0x0301, 0x1E2F}, {0x00F4, 0x0300, 0x1ED3}, {0x00F4, 0x0301, 0x1ED1}, {0x00F4, 0x0303, 0x1ED7},
    {0x00F4, 0x0323, 0x1ED9}, {0x00F5, 0x0301, 0x1E4D}, {0x00F5, 0x0304, 0x022D}, {0x00F5, 0x0308, 0x1E4F}, {0x00F6, 0x0304, 0x022B},
    {0x00F8, 0x0301, 0x01FF}, {0x00FC, 0x0300, 0x01DC}, {0x00FC, 0x0301, 0x01D8}, {0x00FC, 0x0304, 0x01D6}, {0x00FC, 0x030C, 0x01DA},
    {0x0102, 0x0300, 0x1EB0}, {0x0102, 0x0301, 0x1EAE}, {0x0102, 0x0303, 0x1EB4}, {0x0102, 0x0323, 0x1EB6}, {0x0103, 0x0300, 0x1EB1},
    {0x0103, 0x0301, 0x1EAF}, {0x0103, 0x0303, 0x1EB5}, {0x0103, 0x0323, 0x1EB7}, {0x0106, 0x0327, 0x1E08}, {0x0107, 0x0327, 0x1E09},
    {0x0112, 0x0300, 0x1E14}, {0x0112, 0x0301, 0x1E16}, {0x0113, 0x0300, 0x1E15}, {0x0113, 0x0301, 0x1E17}, {0x0114, 0x0327, 0x1E1C},
    {0x0115, 0x0327, 0x1E1D}, {0x014C, 0x0300, 0x1E50}, {0x014C, 0x0301, 0x1E52}, {0x014C, 0x0328, 0x01EC}, {0x014D, 0x0300, 0x1E51},
    {0x014D, 0x0301, 0x1E53}, {0x014D, 0x0328, 0x01ED}, {0x015A, 0x0307, 0x1E64}, {0x015B, 0x0307, 0x1E65}, {0x0160, 0x0307, 0x1E66},
    {0x0161, 0x0307, 0x1E67}, {0x0168, 0x0301, 0x1E78}, {0x0169, 0x0301, 0x1E79}, {0x016A, 0x0308, 0x1E7A}, {0x016B, 0x0308, 0x1E7B},
    {0x017F, 0x0307, 0x1E9B}, {0x01A0, 0x0300, 0x1EDC}, {0x01A0, 0x0301, 0x1EDA}, {0x01A0, 0x0303, 0x1EE0}, {0x01A0, 0x0323, 0x1EE2},
    {0x01A1, 0x0300, 0x1EDD}, {0x01A1, 0x0301, 0x1EDB}, {0x01A1, 0x0303, 0x1EE1}, {0x01A1, 0x0323, 0x1EE3}, {0x01AF, 0x0300, 0x1EEA},
    {0x01AF, 0x0301, 0x1EE8}, {0x01AF, 0x0303, 0x1EEE}, {0x01AF, 0x0323, 0x1EF0}, {0x01B0, 0x0300, 0x1EEB}, {0x01B0, 0x0301, 0x1EE9},
    {0x01B0, 0x0303, 0x1EEF}, {0x01B0, 0x0323, 0x1EF1}, {0x01B7, 0x030C, 0x01EE}, {0x01EA, 0x0304, 0x01EC}, {0x01EB, 0x0304, 0x01ED},
    {0x0226, 0x0304, 0x01E0}, {0x0227, 0x0304, 0x01E1}, {0x0228, 0x0306, 0x1E1C}, {0x0229, 0x0306, 0x1E1D}, {0x022E, 0x0304, 0x0230},
    {0x022F, 0x0304, 0x0231}, {0x1E36, 0x0304, 0x1E38}, {0x1E37, 0x0304, 0x1E39}, {0x1E5A, 0x0304, 0x1E5C}, {0x1E5B, 0x0304, 0x1E5D},
    {0x1E60, 0x0323, 0x1E68}, {0x1E61, 0x0323, 0x1E69}, {0x1E62, 0x0307, 0x1E68}, {0x1E63, 0x0307, 0x1E69}, {0x1EA0, 0x0302, 0x1EAC},
    {0x1EA0, 0x0306, 0x1EB6}, {0x1EA1, 0x0302, 0x1EAD}, {0x1EA1, 0x0306, 0x1EB7}, {0x1EB8, 0x0302, 0x1EC6}, {0x1EB9, 0x0302, 0x1EC7},
    {0x1ECC, 0x0302, 0x1ED8}, {0x1ECD, 0x0302, 0x1ED9},
};

// The combining mark each accent command puts on its argument.
char32_t accent_mark(std::string_view command) {
    if (command.size() != 1) return 0;
    switch (command[0]) {
        case '`': return 0x300;
        case '\'': return 0x301;
        case '^': return 0x302;
        case '~': return 0x303;
        case '=': return 0x304;
        case 'u': return 0x306;
        case '.': return 0x307;
        case '"': return 0x308;
        case 'r': return 0x30A;
        case 'H': return 0x30B;
        case 'v': return 0x30C;
        case 'd': return 0x323;
        case 'c': return 0x327;
        case 'k': return 0x328;
        case 'b': return 0x331;
        case 't': return 0x361;
        default: return 0;
    }
}

// An accent with nothing under it (\'{}): its spacing form. \~{} and \^{} are how
// people write a literal tilde or caret, so those stay ASCII.
char32_t spacing_accent(char32_t mark) {
    switch (mark) {
        case 0x300: return '`';
        case 0x301: return 0xB4;
        case 0x302: return '^';
        case 0x303: return '~';
        case 0x304: return 0xAF;
        case 0x306: return 0x2D8;
        case 0x307: return 0x2D9;
        case 0x308: return 0xA8;
        case 0x30A: return 0x2DA;
        case 0x30B: return 0x2DD;
        case 0x30C: return 0x2C7;
        case 0x327: return 0xB8;
        case 0x328: return 0x2DB;
        default: return mark;
    }
}

struct Named {
    const char* name;
    const char* text;
};

// Text-mode commands that stand for characters.
constexpr Named kSymbols[] = {
    {"o", "ø"}, {"O", "Ø"}, {"ss", "ß"}, {"SS", "SS"}, {"aa", "å"}, {"AA", "Å"}, {"l", "ł"}, {"L", "Ł"},
    {"i", "ı"}, {"j", "ȷ"}, {"ae", "æ"}, {"AE", "Æ"}, {"oe", "œ"}, {"OE", "Œ"}, {"dh", "ð"}, {"DH", "Ð"},
    {"th", "þ"}, {"TH", "Þ"}, {"ng", "ŋ"}, {"NG", "Ŋ"}, {"dj", "đ"}, {"DJ", "Đ"},
    {"&", "&"}, {"%", "%"}, {"_", "_"}, {"$", "$"}, {"#", "#"}, {"{", "{"}, {"}", "}"},
    {"textbackslash", "\\"}, {"S", "§"}, {"P", "¶"}, {"dag", "†"}, {"dagger", "†"}, {"ddag", "‡"},
    {"ddagger", "‡"}, {"textdagger", "†"}, {"textdaggerdbl", "‡"}, {"copyright", "©"}, {"textcopyright", "©"},
    {"textregistered", "®"}, {"texttrademark", "™"}, {"pounds", "£"}, {"textsterling", "£"}, {"euro", "€"},
    {"texteuro", "€"}, {"textyen", "¥"}, {"textendash", "–"}, {"textemdash", "—"}, {"ldots", "…"},
    {"dots", "…"}, {"textellipsis", "…"}, {"textquoteleft", "‘"}, {"textquoteright", "’"},
    {"textquotedblleft", "“"}, {"textquotedblright", "”"}, {"guillemotleft", "«"}, {"guillemotright", "»"},
    {"guillemetleft", "«"}, {"guillemetright", "»"}, {"flqq", "«"}, {"frqq", "»"}, {"textdegree", "°"},
    {"degree", "°"}, {"LaTeX", "LaTeX"}, {"TeX", "TeX"}, {"BibTeX", "BibTeX"}, {"LaTeXe", "LaTeX2ε"},
    {"textasciitilde", "~"}, {"textasciicircum", "^"}, {"textbar", "|"}, {"textless", "<"},
    {"textgreater", ">"}, {"textbullet", "•"}, {"textperiodcentered", "·"}, {"textunderscore", "_"},
    {"textbraceleft", "{"}, {"textbraceright", "}"}, {"textdollar", "$"}, {"textsection", "§"},
    {"textparagraph", "¶"}, {"textonehalf", "½"}, {"textmu", "µ"}, {"textpm", "±"}, {"texttimes", "×"},
    {"checkmark", "✓"}, {"textquotesingle", "'"}, {"textquotedbl", "\""}, {"textexclamdown", "¡"},
    {"textquestiondown", "¿"}, {"textasteriskcentered", "∗"}, {"nobreakspace", "\u00A0"},
    {",", "\u2009"}, {"thinspace", "\u2009"}, {"enspace", "\u2002"},
};

// Math-mode commands that stand for characters (unicode-math's choices).
constexpr Named kMathSymbols[] = {
    {"alpha", "α"}, {"beta", "β"}, {"gamma", "γ"}, {"delta", "δ"}, {"epsilon", "ϵ"}, {"varepsilon", "ε"},
    {"zeta", "ζ"}, {"eta", "η"}, {"theta", "θ"}, {"vartheta", "ϑ"}, {"iota", "ι"}, {"kappa", "κ"},
    {"lambda", "λ"}, {"mu", "μ"}, {"nu", "ν"}, {"xi", "ξ"}, {"omicron", "ο"}, {"pi", "π"}, {"varpi", "ϖ"},
    {"rho", "ρ"}, {"varrho", "ϱ"}, {"sigma", "σ"}, {"varsigma", "ς"}, {"tau", "τ"}, {"upsilon", "υ"},
    {"phi", "ϕ"}, {"varphi", "φ"}, {"chi", "χ"}, {"psi", "ψ"}, {"omega", "ω"}, {"Gamma", "Γ"},
    {"Delta", "Δ"}, {"Theta", "Θ"}, {"Lambda", "Λ"}, {"Xi", "Ξ"}, {"Pi", "Π"}, {"Sigma", "Σ"},
    {"Upsilon", "Υ"}, {"Phi", "Φ"}, {"Psi", "Ψ"}, {"Omega", "Ω"},
    {"times", "×"}, {"div", "÷"}, {"pm", "±"}, {"mp", "∓"}, {"cdot", "·"}, {"ast", "∗"}, {"star", "⋆"},
    {"circ", "∘"}, {"bullet", "•"}, {"leq", "≤"}, {"le", "≤"}, {"geq", "≥"}, {"ge", "≥"}, {"neq", "≠"},
    {"ne", "≠"}, {"approx", "≈"}, {"sim", "∼"}, {"simeq", "≃"}, {"cong", "≅"}, {"equiv", "≡"},
    {"propto", "∝"}, {"ll", "≪"}, {"gg", "≫"}, {"infty", "∞"}, {"partial", "∂"}, {"nabla", "∇"},
    {"sum", "∑"}, {"prod", "∏"}, {"int", "∫"}, {"oint", "∮"}, {"sqrt", "√"}, {"in", "∈"}, {"notin", "∉"},
    {"ni", "∋"}, {"subset", "⊂"}, {"supset", "⊃"}, {"subseteq", "⊆"}, {"supseteq", "⊇"}, {"cup", "∪"},
    {"cap", "∩"}, {"emptyset", "∅"}, {"varnothing", "∅"}, {"forall", "∀"}, {"exists", "∃"}, {"neg", "¬"},
    {"lnot", "¬"}, {"wedge", "∧"}, {"land", "∧"}, {"vee", "∨"}, {"lor", "∨"}, {"oplus", "⊕"},
    {"otimes", "⊗"}, {"to", "→"}, {"rightarrow", "→"}, {"leftarrow", "←"}, {"gets", "←"},
    {"leftrightarrow", "↔"}, {"Rightarrow", "⇒"}, {"Leftarrow", "⇐"}, {"Leftrightarrow", "⇔"},
    {"mapsto", "↦"}, {"uparrow", "↑"}, {"downarrow", "↓"}, {"implies", "⟹"}, {"iff", "⟺"},
    {"cdots", "⋯"}, {"ldots", "…"}, {"dots", "…"}, {"vdots", "⋮"}, {"ddots", "⋱"}, {"langle", "⟨"},
    {"rangle", "⟩"}, {"lfloor", "⌊"}, {"rfloor", "⌋"}, {"lceil", "⌈"}, {"rceil", "⌉"}, {"ell", "ℓ"},
    {"hbar", "ℏ"}, {"Re", "ℜ"}, {"Im", "ℑ"}, {"aleph", "ℵ"}, {"prime", "′"}, {"dagger", "†"},
    {"ddagger", "‡"}, {"dag", "†"}, {"ddag", "‡"}, {"angle", "∠"}, {"perp", "⊥"}, {"parallel", "∥"},
    {"mid", "∣"}, {"top", "⊤"}, {"bot", "⊥"}, {"vert", "|"}, {"Vert", "‖"}, {"setminus", "∖"},
    {"backslash", "\\"}, {"triangle", "△"}, {"square", "□"}, {"checkmark", "✓"}, {"degree", "°"},
    {"{", "{"}, {"}", "}"}, {"#", "#"}, {"%", "%"}, {"&", "&"}, {"_", "_"}, {"$", "$"}, {"|", "‖"},
    {"log", "log"}, {"ln", "ln"}, {"exp", "exp"}, {"sin", "sin"}, {"cos", "cos"}, {"tan", "tan"},
    {"sec", "sec"}, {"csc", "csc"}, {"cot", "cot"}, {"arcsin", "arcsin"}, {"arccos", "arccos"},
    {"arctan", "arctan"}, {"sinh", "sinh"}, {"cosh", "cosh"}, {"tanh", "tanh"}, {"max", "max"},
    {"min", "min"}, {"sup", "sup"}, {"inf", "inf"}, {"lim", "lim"}, {"liminf", "lim inf"},
    {"limsup", "lim sup"}, {"arg", "arg"}, {"det", "det"}, {"dim", "dim"}, {"gcd", "gcd"}, {"deg", "deg"},
    {"ker", "ker"}, {"Pr", "Pr"}, {"hom", "hom"}, {"bmod", "mod"}, {"mod", "mod"},
};

const char* lookup(const Named* table, std::size_t n, std::string_view name) {
    for (std::size_t k = 0; k < n; ++k)
        if (name == table[k].name) return table[k].text;
    return nullptr;
}
template <std::size_t N>
const char* lookup(const Named (&table)[N], std::string_view name) {
    return lookup(table, N, name);
}

bool one_of(std::string_view name, std::initializer_list<const char*> names) {
    for (const char* n : names)
        if (name == n) return true;
    return false;
}

// Commands whose argument is shown with a mark; false when `name` is none of them.
bool argument_mark(std::string_view name, MarkKind& kind) {
    if (one_of(name, {"emph", "textit", "textsl"})) kind = MarkKind::emphasis;
    else if (name == "textbf") kind = MarkKind::strong;
    else if (name == "textsc") kind = MarkKind::small_caps;
    else if (name == "texttt") kind = MarkKind::code;
    else if (name == "textsuperscript") kind = MarkKind::superscript;
    else if (name == "textsubscript") kind = MarkKind::subscript;
    else return false;
    return true;
}

// Declarations that change the font up to the end of the group ({\em ...}).
bool switch_mark(std::string_view name, MarkKind& kind) {
    if (one_of(name, {"em", "it", "itshape", "sl", "slshape"})) kind = MarkKind::emphasis;
    else if (one_of(name, {"bf", "bfseries"})) kind = MarkKind::strong;
    else if (one_of(name, {"sc", "scshape"})) kind = MarkKind::small_caps;
    else if (one_of(name, {"tt", "ttfamily"})) kind = MarkKind::code;
    else return false;
    return true;
}

// Known commands that change nothing a reader of plain text would see.
bool no_output(std::string_view name) {
    return one_of(name, {"-", "/", "@", "!", "relax", "protect", "null", "ignorespaces", "unskip", "xspace",
                         "nolinebreak", "allowbreak", "rm", "rmfamily", "sf", "sffamily", "normalfont", "upshape",
                         "mdseries", "small", "footnotesize", "scriptsize", "tiny", "large", "Large", "LARGE",
                         "huge", "Huge", "normalsize", "selectfont", "frenchspacing", "nobreak"});
}

// Known commands that stand for a word space.
bool is_space_command(std::string_view name) {
    return one_of(name, {" ", ";", ":", ">", "quad", "qquad", "\\", "newline", "linebreak", "par", "space"});
}

// Commands whose argument is shown as it is.
bool passes_argument(std::string_view name) {
    return one_of(name, {"textrm", "textnormal", "textsf", "textup", "textmd", "mbox", "hbox", "text", "underline",
                         "uline", "textlatin", "NoCaseChange", "textls"});
}

// Commands whose argument is for TeX, not the reader (sort keys, spacing).
bool drops_argument(std::string_view name) { return one_of(name, {"noopsort", "hspace", "vspace", "label", "index"}); }

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

char32_t superscript_of(char32_t c) {
    if (c >= '4' && c <= '9') return 0x2070 + (c - '0');
    switch (c) {
        case '0': return 0x2070;
        case '1': return 0xB9;
        case '2': return 0xB2;
        case '3': return 0xB3;
        case '+': return 0x207A;
        case '-': return 0x207B;
        case '=': return 0x207C;
        case '(': return 0x207D;
        case ')': return 0x207E;
        case 'n': return 0x207F;
        default: return 0;
    }
}

char32_t subscript_of(char32_t c) {
    if (c >= '0' && c <= '9') return 0x2080 + (c - '0');
    switch (c) {
        case '+': return 0x208A;
        case '-': return 0x208B;
        case '=': return 0x208C;
        case '(': return 0x208D;
        case ')': return 0x208E;
        default: return 0;
    }
}

// \mathbb{R} -> ℝ: the double-struck letters, with the ones Unicode encoded early.
char32_t double_struck(char c) {
    switch (c) {
        case 'C': return 0x2102;
        case 'H': return 0x210D;
        case 'N': return 0x2115;
        case 'P': return 0x2119;
        case 'Q': return 0x211A;
        case 'R': return 0x211D;
        case 'Z': return 0x2124;
        default: break;
    }
    if (c >= 'A' && c <= 'Z') return 0x1D538 + static_cast<char32_t>(c - 'A');
    if (c >= 'a' && c <= 'z') return 0x1D552 + static_cast<char32_t>(c - 'a');
    if (c >= '0' && c <= '9') return 0x1D7D8 + static_cast<char32_t>(c - '0');
    return 0;
}

// Math accents on one character (\hat{x} -> x̂).
char32_t math_accent(std::string_view name) {
    if (name == "hat" || name == "widehat") return 0x302;
    if (name == "tilde" || name == "widetilde") return 0x303;
    if (name == "bar" || name == "overline") return 0x304;
    if (name == "dot") return 0x307;
    if (name == "ddot") return 0x308;
    if (name == "vec") return 0x20D7;
    if (name == "check") return 0x30C;
    if (name == "breve") return 0x306;
    if (name == "acute") return 0x301;
    if (name == "grave") return 0x300;
    return 0;
}

// Reads a command name after the backslash at s[i]: letters, or one other character.
std::string_view command_name(std::string_view s, std::size_t& i) {
    std::size_t start = i;
    if (i < s.size() && is_letter(s[i])) {
        while (i < s.size() && is_letter(s[i])) ++i;
    } else if (i < s.size()) {
        i += utf8_length(s, i);
    }
    return s.substr(start, i - start);
}

// The end of the group whose '{' is at s[open] (one past its '}'), or npos.
std::size_t group_end(std::string_view s, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < s.size(); ++i) {
        if (s[i] == '\\') {
            ++i;
            continue;
        }
        if (s[i] == '{') ++depth;
        if (s[i] == '}' && --depth == 0) return i + 1;
    }
    return std::string_view::npos;
}

// \url's argument as a link: braces and TeX's escapes of URL characters removed.
std::string verbatim_url(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '\\' && i + 1 < s.size() && std::strchr("_%#&~$/{}", s[i + 1])) {
            out += s[++i];
        } else if (c != '{' && c != '}' && !is_ascii_space(c)) {
            out += c;
        }
    }
    return out;
}

// The math between two dollar signs, into its own RichString so that math with no
// Unicode form can be given up on whole (and shown as written).
class MathConverter {
public:
    explicit MathConverter(std::string_view src) : src_(src) {}

    bool run(RichString& out) {
        std::size_t i = 0;
        while (i < src_.size()) {
            char c = src_[i];
            if (is_ascii_space(c)) {
                pending_space_ = true;
                ++i;
            } else if (c == '{') {
                frames_.push_back(Frame{Frame::plain, text_.size(), marks_.size()});
                ++i;
            } else if (c == '}') {
                if (frames_.empty()) return false;
                close_frame();
                ++i;
            } else if (c == '^' || c == '_') {
                if (!script(c == '^' ? Frame::sup : Frame::sub, ++i)) return false;
            } else if (c == '\\') {
                ++i;
                std::string_view name = command_name(src_, i);
                if (!command(name, i)) return false;
            } else if (c == '\'') {
                emit(0x2032);  // f' is f-prime
                ++i;
            } else {
                emit(utf8_next(src_, i));
            }
        }
        if (!frames_.empty() || failed_) return false;
        out.text = std::move(text_);
        out.marks = std::move(marks_);
        return true;
    }

private:
    struct Frame {
        enum Kind { plain, sup, sub, mathbb } kind;
        std::size_t begin;        // where its text starts
        std::size_t first_mark;   // marks made inside it start here
    };

    void emit(char32_t cp) {
        if (pending_space_ && !text_.empty() && text_.back() != ' ') text_ += ' ';
        pending_space_ = false;
        if (!frames_.empty() && frames_.back().kind == Frame::mathbb) {
            char32_t d = cp < 0x80 ? double_struck(static_cast<char>(cp)) : 0;
            if (!d) failed_ = true;
            cp = d ? d : cp;
        }
        utf8_append(text_, cp);
    }
    void emit(std::string_view s) {
        for (std::size_t k = 0; k < s.size();) emit(utf8_next(s, k));
    }

    // One token after ^ or _: a group, a command or a character.
    bool script(Frame::Kind kind, std::size_t& i) {
        while (i < src_.size() && is_ascii_space(src_[i])) ++i;
        if (i >= src_.size()) return false;
        pending_space_ = false;
        frames_.push_back(Frame{kind, text_.size(), marks_.size()});
        if (src_[i] == '{') {
            ++i;
            return true;  // closed by its '}'
        }
        if (src_[i] == '\\') {
            ++i;
            std::string_view name = command_name(src_, i);
            const char* symbol = lookup(kMathSymbols, name);
            if (!symbol) return false;
            emit(std::string_view(symbol));
        } else if (src_[i] == '}' || src_[i] == '^' || src_[i] == '_') {
            return false;
        } else {
            emit(utf8_next(src_, i));
        }
        close_frame();
        return true;
    }

    bool command(std::string_view name, std::size_t& i) {
        if (const char* symbol = lookup(kMathSymbols, name)) {
            // Spaces after it stay: math keeps the spaces written ($O(n \log n)$).
            emit(std::string_view(symbol));
            return true;
        }
        if (name == "," || name == ";" || name == ":" || name == " " || name == "quad" || name == "qquad") {
            pending_space_ = true;
            return true;
        }
        if (one_of(name, {"!", "left", "right", "big", "Big", "bigl", "bigr", "Bigl", "Bigr", "middle", "displaystyle",
                          "textstyle", "limits", "nolimits"})) {
            skip_space(i);
            if ((name == "left" || name == "right") && i < src_.size() && src_[i] == '.') ++i;
            return true;
        }
        if (one_of(name, {"mathrm", "mathit", "mathbf", "mathsf", "mathtt", "text", "textrm", "textit", "textbf",
                          "mbox", "operatorname", "boldsymbol", "bm", "mathnormal"})) {
            skip_space(i);
            if (i >= src_.size() || src_[i] != '{') return false;
            frames_.push_back(Frame{Frame::plain, text_.size(), marks_.size()});
            ++i;
            return true;
        }
        if (name == "mathbb") {
            skip_space(i);
            if (i >= src_.size() || src_[i] != '{') return false;
            frames_.push_back(Frame{Frame::mathbb, text_.size(), marks_.size()});
            ++i;
            return !failed_;
        }
        if (char32_t mark = math_accent(name)) {
            // One character only: \hat{x}, \bar x.
            skip_space(i);
            bool braced = i < src_.size() && src_[i] == '{';
            if (braced) ++i;
            if (i >= src_.size() || src_[i] == '\\' || src_[i] == '{' || src_[i] == '}') return false;
            char32_t base = utf8_next(src_, i);
            if (braced) {
                if (i >= src_.size() || src_[i] != '}') return false;
                ++i;
            }
            char32_t composed = compose(base, mark);
            if (composed) {
                emit(composed);
            } else {
                emit(base);
                utf8_append(text_, mark);
            }
            return true;
        }
        return false;
    }

    void skip_space(std::size_t& i) {
        while (i < src_.size() && is_ascii_space(src_[i])) ++i;
    }

    void close_frame() {
        Frame f = frames_.back();
        frames_.pop_back();
        pending_space_ = false;
        if (f.kind != Frame::sup && f.kind != Frame::sub) return;
        std::string_view content = std::string_view(text_).substr(f.begin);
        while (!content.empty() && content.back() == ' ') content.remove_suffix(1);
        while (!content.empty() && content.front() == ' ') content.remove_prefix(1);
        if (content.empty()) return;
        // ^\circ is a degree sign, ^\prime (and ^') a prime: characters of their own.
        if (f.kind == Frame::sup && (content == "∘" || content == "′" || content == "°")) {
            std::string replacement = content == "′" ? "′" : "°";
            text_.resize(f.begin);
            text_ += replacement;
            return;
        }
        bool convertible = marks_.size() == f.first_mark;
        std::string converted;
        for (std::size_t k = 0; convertible && k < content.size();) {
            char32_t cp = utf8_next(content, k);
            char32_t s = f.kind == Frame::sup ? superscript_of(cp) : subscript_of(cp);
            if (!s) convertible = false;
            utf8_append(converted, s);
        }
        if (convertible) {
            text_.resize(f.begin);
            text_ += converted;
            return;
        }
        std::string kept(content);
        text_.resize(f.begin);
        text_ += kept;
        Mark m;
        m.begin = static_cast<std::uint32_t>(f.begin);
        m.end = static_cast<std::uint32_t>(text_.size());
        m.kind = f.kind == Frame::sup ? MarkKind::superscript : MarkKind::subscript;
        marks_.push_back(m);
    }

    std::string_view src_;
    std::string text_;
    std::vector<Mark> marks_;
    std::vector<Frame> frames_;
    bool pending_space_ = false;
    bool failed_ = false;
};

// Decomposed text (a letter, then U+0300-U+036F, as macOS writes files) composed to
// NFC before anything else reads it. `removed` records, for offsets in the result,
// how many bytes came out before them, so notes can point into the original.
struct Composed {
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> removed;  // (offset in text, bytes removed before it)

    std::size_t original(std::size_t offset) const {
        auto it = std::upper_bound(removed.begin(), removed.end(), std::make_pair(offset, std::size_t(-1)));
        return it == removed.begin() ? offset : offset + std::prev(it)->second;
    }
};

bool has_combining_marks(std::string_view s) {
    for (char c : s)
        if (c == '\xCC' || c == '\xCD') return true;
    return false;
}

Composed compose_marks(std::string_view s) {
    Composed out;
    out.text.reserve(s.size());
    std::size_t last = std::string::npos;  // where the last character put starts
    std::size_t removed = 0;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t at = i;
        char32_t cp = utf8_next(s, i);
        if (cp >= 0x300 && cp <= 0x36F && last != std::string::npos && (last == 0 || out.text[last - 1] != '\\')) {
            std::size_t k = last;
            char32_t composed = compose(utf8_next(out.text, k), cp);
            if (composed) {
                std::size_t before = out.text.size();
                out.text.resize(last);
                utf8_append(out.text, composed);
                removed += before + (i - at) - out.text.size();
                out.removed.emplace_back(out.text.size(), removed);
                continue;
            }
        }
        last = out.text.size();
        out.text.append(s.data() + at, i - at);
    }
    return out;
}

class Converter {
public:
    Converter(std::string_view src, std::vector<LatexNote>* notes, const LatexOptions& options)
        : src_(src), notes_(notes), options_(options) {}

    RichString run() {
        std::size_t i = 0;
        while (i < src_.size()) step(i);
        finish_accent();
        while (!frames_.empty()) close_group();
        close_marks(0);
        // Marks that ended up holding nothing (\emph{}) say nothing.
        out_.marks.erase(std::remove_if(out_.marks.begin(), out_.marks.end(),
                                        [](const Mark& m) { return m.begin >= m.end; }),
                         out_.marks.end());
        std::stable_sort(out_.marks.begin(), out_.marks.end(), [](const Mark& a, const Mark& b) {
            return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
        });
        return std::move(out_);
    }

private:
    void note(std::size_t at, std::string message) {
        if (notes_) notes_->push_back(LatexNote{at, std::move(message)});
    }

    void step(std::size_t& i) {
        char c = src_[i];
        switch (c) {
            case '\\': {
                std::size_t at = i++;
                std::string_view name = command_name(src_, i);
                command(at, name, i);
                return;
            }
            case '{':
                frames_.push_back(open_.size());
                ++i;
                return;
            case '}':
                finish_accent();
                if (!frames_.empty()) close_group();
                ++i;
                return;
            case '$':
                math(i);
                return;
            case '~':
                emit(0xA0);
                ++i;
                return;
            case '-': {
                std::size_t n = 0;
                while (i + n < src_.size() && src_[i + n] == '-' && n < 3) ++n;
                emit(n == 3 ? 0x2014 : n == 2 ? 0x2013 : '-');
                i += n;
                return;
            }
            case '`':
            case '\'':
                if (options_.smart_quotes) {
                    bool twice = i + 1 < src_.size() && src_[i + 1] == c;
                    emit(c == '`' ? (twice ? 0x201C : 0x2018) : (twice ? 0x201D : 0x2019));
                    i += twice ? 2 : 1;
                    return;
                }
                break;
            default:
                break;
        }
        if (is_ascii_space(c)) {
            pending_space_ = true;
            ++i;
            return;
        }
        if (accents_ == 0 && plain(c)) {
            // Most of a value is letters and punctuation that mean themselves: copied as a run.
            std::size_t end = i + 1;
            while (end < src_.size() && plain(src_[end])) ++end;
            flush_space();
            out_.text.append(src_.data() + i, end - i);
            first_fresh_mark_ = out_.marks.size();
            i = end;
            return;
        }
        emit(utf8_next(src_, i));
    }

    // ASCII that stands for itself wherever it is in text.
    bool plain(char c) const {
        if (c < 0x21 || c > 0x7E) return false;
        switch (c) {
            case '\\': case '{': case '}': case '$': case '~': case '-': case '`': case '\'':
                return false;
            default:
                return true;
        }
    }

    // Whitespace is one space between words, and none at either end.
    void flush_space() {
        if (!pending_space_) return;
        pending_space_ = false;
        if (out_.text.empty()) return;
        std::size_t at = out_.text.size();
        out_.text += ' ';
        // Marks opened since the last character start after the space.
        for (std::size_t m = first_fresh_mark_; m < out_.marks.size(); ++m)
            if (out_.marks[m].begin == at) ++out_.marks[m].begin;
    }

    void emit(char32_t cp) {
        flush_space();
        if (accents_ == 0) {
            put(cp);
            return;
        }
        // \'\i: the accent sits on a dotless i, and the result is í. Nested accents
        // (\'{\"u}) apply innermost first; those Unicode cannot compose follow as marks.
        char32_t base = cp == 0x131 ? 'i' : cp == 0x237 ? 'j' : cp;
        bool composed = false;
        std::string left;
        while (accents_ > 0) {
            char32_t mark = pending_[--accents_];
            char32_t c = left.empty() ? compose(base, mark) : 0;
            if (c) {
                base = c;
                composed = true;
            } else {
                utf8_append(left, mark);
            }
        }
        put(composed ? base : cp);
        out_.text += left;
    }
    void emit(std::string_view s) {
        for (std::size_t k = 0; k < s.size();) emit(utf8_next(s, k));
    }

    void put(char32_t cp) {
        utf8_append(out_.text, cp);
        first_fresh_mark_ = out_.marks.size();
    }

    // An accent left with nothing to sit on (\'{} or at the end) is shown on its own.
    void finish_accent() {
        std::size_t n = accents_;
        accents_ = 0;
        for (std::size_t k = 0; k < n; ++k) emit(spacing_accent(pending_[k]));
    }

    void open_mark(MarkKind kind, std::string href = {}) {
        Mark m;
        m.begin = m.end = static_cast<std::uint32_t>(out_.text.size());
        m.kind = kind;
        m.href = std::move(href);
        open_.push_back(out_.marks.size());
        out_.marks.push_back(std::move(m));
    }

    void close_marks(std::size_t from) {
        for (std::size_t k = from; k < open_.size(); ++k)
            out_.marks[open_[k]].end = static_cast<std::uint32_t>(out_.text.size());
        open_.resize(from);
    }

    void close_group() {
        close_marks(frames_.back());
        frames_.pop_back();
    }

    void skip_space(std::size_t& i) {
        while (i < src_.size() && is_ascii_space(src_[i])) ++i;
    }

    // After a command that takes an argument: true (and past the '{') when one follows.
    bool open_argument(std::size_t& i) {
        std::size_t k = i;
        skip_space(k);
        if (k >= src_.size() || src_[k] != '{') return false;
        i = k + 1;
        frames_.push_back(open_.size());
        return true;
    }

    // \url{URL} (the URL is the text) or \href{URL}{text}.
    void link(std::size_t at, const std::string& url, bool has_text, std::size_t& i) {
        bool safe = is_safe_url(url);
        if (!safe)
            note(at, "link \"" + shorten_text(url, 60) +
                         "\" is not http, https or mailto; it is shown as text, not as a link");
        if (has_text) {
            if (open_argument(i) && safe) open_mark(MarkKind::link, url);
            return;
        }
        flush_space();
        std::size_t begin = out_.text.size();
        emit(url);
        if (safe && out_.text.size() > begin) {
            Mark m;
            m.begin = static_cast<std::uint32_t>(begin);
            m.end = static_cast<std::uint32_t>(out_.text.size());
            m.kind = MarkKind::link;
            m.href = url;
            out_.marks.push_back(std::move(m));
        }
    }

    void command(std::size_t at, std::string_view name, std::size_t& i) {
        if (name.empty()) {  // a backslash at the very end
            emit('\\');
            return;
        }
        bool letters = is_letter(name[0]);
        if (char32_t mark = accent_mark(name)) {
            // The argument may follow after spaces (\v s, \' e), as TeX reads it.
            skip_space(i);
            if (accents_ == kMaxAccents) finish_accent();
            flush_space();
            pending_[accents_++] = mark;
            return;
        }
        if (const char* symbol = lookup(kSymbols, name)) {
            if (letters) skip_space(i);
            emit(std::string_view(symbol));
            return;
        }
        if (is_space_command(name)) {
            if (letters) skip_space(i);
            pending_space_ = true;
            return;
        }
        if (no_output(name)) {
            if (letters) skip_space(i);
            return;
        }
        MarkKind kind;
        if (switch_mark(name, kind)) {
            skip_space(i);
            open_mark(kind);
            return;
        }
        if (argument_mark(name, kind)) {
            if (open_argument(i)) open_mark(kind);
            return;
        }
        if (passes_argument(name)) {
            open_argument(i);
            return;
        }
        if (drops_argument(name)) {
            std::size_t k = i;
            skip_space(k);
            if (k < src_.size() && src_[k] == '{') {
                std::size_t end = group_end(src_, k);
                i = end == std::string_view::npos ? src_.size() : end;
            }
            if (name == "hspace") pending_space_ = true;
            return;
        }
        if (name == "url" || name == "href" || name == "ensuremath") {
            std::size_t k = i;
            skip_space(k);
            std::size_t end = k < src_.size() && src_[k] == '{' ? group_end(src_, k) : std::string_view::npos;
            if (end != std::string_view::npos) {
                i = end;
                if (name == "ensuremath")
                    math_span(k + 1, end - 1, at, end);
                else
                    link(at, verbatim_url(src_.substr(k + 1, end - k - 2)), name == "href", i);
                return;
            }
        }
        if (name == "(") {
            std::size_t close = no_closing_paren_ ? std::string_view::npos : src_.find("\\)", i);
            if (close != std::string_view::npos) {
                math_span(i, close, at, close + 2);
                i = close + 2;
                return;
            }
            no_closing_paren_ = true;
        }
        // Unknown: keep what it says. With an argument, the argument's text; without,
        // the command as written, so that the reader still sees something was there.
        std::string written = "\\" + std::string(name);
        if (open_argument(i)) {
            note(at, "unknown command \"" + shorten_text(written, 40) + "\": its argument is shown as plain text");
            return;
        }
        note(at, "unknown command \"" + shorten_text(written, 40) + "\": shown as written");
        emit(std::string_view(written));
    }

    // $...$ or $$...$$ at src_[i]. A '$' that nothing closes is a dollar sign.
    void math(std::size_t& i) {
        std::size_t open = i;
        bool display = i + 1 < src_.size() && src_[i + 1] == '$';
        std::size_t start = i + (display ? 2 : 1);
        std::size_t close = std::string_view::npos;
        for (std::size_t k = start; k < src_.size(); ++k) {
            if (src_[k] == '\\') {
                ++k;
                continue;
            }
            if (src_[k] == '$') {
                close = k;
                break;
            }
        }
        if (close == std::string_view::npos) {
            emit('$');
            i += 1;
            return;
        }
        std::size_t end = close + (display && close + 1 < src_.size() && src_[close + 1] == '$' ? 2 : 1);
        math_span(start, close, open, end);
        i = end;
    }

    // The math in src_[begin, end); when it has no Unicode form, the source
    // [source_begin, source_end) is shown as written.
    void math_span(std::size_t begin, std::size_t end, std::size_t source_begin, std::size_t source_end) {
        finish_accent();
        RichString math;
        if (MathConverter(src_.substr(begin, end - begin)).run(math)) {
            if (math.text.empty()) return;
            flush_space();
            std::size_t base = out_.text.size();
            out_.text += math.text;
            for (Mark m : math.marks) {
                m.begin += static_cast<std::uint32_t>(base);
                m.end += static_cast<std::uint32_t>(base);
                out_.marks.push_back(std::move(m));
            }
            first_fresh_mark_ = out_.marks.size();
            return;
        }
        for (std::size_t k = source_begin; k < source_end;) {
            if (is_ascii_space(src_[k])) {
                pending_space_ = true;
                ++k;
                continue;
            }
            emit(utf8_next(src_, k));
        }
    }

    std::string_view src_;
    std::vector<LatexNote>* notes_;
    LatexOptions options_;
    RichString out_;
    std::vector<std::size_t> open_;    // indices of marks still open, innermost last
    std::vector<std::size_t> frames_;  // per open group: open_.size() when it opened
    bool pending_space_ = false;
    static constexpr std::size_t kMaxAccents = 4;
    char32_t pending_[kMaxAccents] = {};  // accents waiting for their letter, innermost last
    std::size_t accents_ = 0;
    bool no_closing_paren_ = false;
    std::size_t first_fresh_mark_ = 0;  // marks from here on were opened after the last character
};

}  // namespace

char32_t compose(char32_t base, char32_t mark) {
    if (base > 0xFFFF || mark > 0xFFFF) return 0;
    auto key = [](char32_t b, char32_t m) { return (static_cast<std::uint32_t>(b) << 16) | m; };
    std::uint32_t want = key(base, mark);
    const Composition* begin = std::begin(kCompositions);
    const Composition* end = std::end(kCompositions);
    const Composition* it = std::lower_bound(begin, end, want, [&](const Composition& c, std::uint32_t k) {
        return key(c.base, c.mark) < k;
    });
    return it != end && key(it->base, it->mark) == want ? it->composed : 0;
}

RichString latex_to_rich(std::string_view value, std::vector<LatexNote>* notes, const LatexOptions& options) {
    if (!has_combining_marks(value)) return Converter(value, notes, options).run();
    Composed composed = compose_marks(value);
    std::size_t first_note = notes ? notes->size() : 0;
    RichString out = Converter(composed.text, notes, options).run();
    if (notes)
        for (std::size_t k = first_note; k < notes->size(); ++k) (*notes)[k].offset = composed.original((*notes)[k].offset);
    return out;
}

std::string latex_to_text(std::string_view value, std::vector<LatexNote>* notes, const LatexOptions& options) {
    return latex_to_rich(value, notes, options).text;
}

}  // namespace profile
