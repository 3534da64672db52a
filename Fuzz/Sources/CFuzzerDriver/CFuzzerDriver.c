// The declaration in include/CFuzzerDriver.h is implemented by libFuzzer, linked in by -sanitize=fuzzer.
#include "CFuzzerDriver.h"
