#ifndef OSAAVA_CCBC_SHIM_H
#define OSAAVA_CCBC_SHIM_H
#include <coin/Cbc_C_Interface.h>
#endif
