#ifndef NEWSLETTERKIT_CYAML_SHIM_H
#define NEWSLETTERKIT_CYAML_SHIM_H
#include <yaml.h>
#endif
