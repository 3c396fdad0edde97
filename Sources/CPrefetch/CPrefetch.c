// The module is its header (an inline function); SwiftPM needs one source file to build it.
#include "CPrefetch.h"
