#ifndef NEWSLETTERKIT_BENCHMARKS_CMARKBASELINE_SHIM_H
#define NEWSLETTERKIT_BENCHMARKS_CMARKBASELINE_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#endif
