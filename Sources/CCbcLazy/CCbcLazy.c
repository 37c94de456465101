#include "CCbcLazy.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

static void copy(char *destination, size_t size, const char *source) {
    if (size == 0) return;
    strncpy(destination, source ? source : "", size - 1);
    destination[size - 1] = '\0';
}

// Resolves one function into the table; on failure names it and reports false.
#define RESOLVE(field, symbol)                                                                  \
    do {                                                                                        \
        void *address = dlsym(handle, symbol);                                                  \
        if (address == NULL) {                                                                  \
            copy(missing, missingSize, symbol);                                                 \
            copy(reason, reasonSize, dlerror());                                                \
            goto fail;                                                                          \
        }                                                                                       \
        /* POSIX guarantees that a dlsym result converts to a function pointer. */              \
        memcpy(&api->field, &address, sizeof(address));                                         \
    } while (0)

const OsaavaCbcApi *osaava_cbc_load(
    const char *library, char *reason, size_t reasonSize, char *missing, size_t missingSize) {
    copy(reason, reasonSize, "");
    copy(missing, missingSize, "");
    // RTLD_LOCAL: CBC's symbols (and its C++ dependencies') stay out of the global scope.
    void *handle = dlopen(library, RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
        copy(reason, reasonSize, dlerror());
        return NULL;
    }
    OsaavaCbcApi *api = calloc(1, sizeof(OsaavaCbcApi));
    if (api == NULL) {
        copy(reason, reasonSize, "out of memory");
        dlclose(handle);
        return NULL;
    }
    RESOLVE(newModel, "Cbc_newModel");
    RESOLVE(deleteModel, "Cbc_deleteModel");
    RESOLVE(setLogLevel, "Cbc_setLogLevel");
    RESOLVE(loadProblem, "Cbc_loadProblem");
    RESOLVE(setObjSense, "Cbc_setObjSense");
    RESOLVE(setInteger, "Cbc_setInteger");
    RESOLVE(setParameter, "Cbc_setParameter");
    RESOLVE(setMaximumSeconds, "Cbc_setMaximumSeconds");
    RESOLVE(setMIPStartI, "Cbc_setMIPStartI");
    RESOLVE(solve, "Cbc_solve");
    RESOLVE(getNumCols, "Cbc_getNumCols");
    RESOLVE(bestSolution, "Cbc_bestSolution");
    RESOLVE(getObjValue, "Cbc_getObjValue");
    RESOLVE(getBestPossibleObjValue, "Cbc_getBestPossibleObjValue");
    RESOLVE(isProvenOptimal, "Cbc_isProvenOptimal");
    RESOLVE(isProvenInfeasible, "Cbc_isProvenInfeasible");
    RESOLVE(isSecondsLimitReached, "Cbc_isSecondsLimitReached");
    RESOLVE(getNodeCount, "Cbc_getNodeCount");
    RESOLVE(getColSolution, "Cbc_getColSolution");
    RESOLVE(getReducedCost, "Cbc_getReducedCost");
    return api;
fail:
    free(api);
    dlclose(handle);
    return NULL;
}
