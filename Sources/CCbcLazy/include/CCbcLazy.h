#ifndef OSAAVA_CCBCLAZY_H
#define OSAAVA_CCBCLAZY_H

// The part of COIN-OR CBC's C API (coin/Cbc_C_Interface.h, Debian: coinor-libcbc-dev) that the
// planner uses, resolved at run time. Linking libCbcSolver made every start of osaava map and
// relocate CBC's chain of thirteen C++ and Fortran libraries, although only planning solves models.

#include <stddef.h>

#pragma clang assume_nonnull begin

/// CBC's model handle (Cbc_Model, opaque).
typedef void OsaavaCbcModel;

/// CBC's functions, with the signatures of Cbc_C_Interface.h (CoinBigIndex is int in Debian's build).
typedef struct OsaavaCbcApi {
    OsaavaCbcModel *_Nullable (*_Nonnull newModel)(void);
    void (*_Nonnull deleteModel)(OsaavaCbcModel *model);
    void (*_Nonnull setLogLevel)(OsaavaCbcModel *model, int level);
    void (*_Nonnull loadProblem)(
        OsaavaCbcModel *model, int columns, int rows, const int *starts, const int *indices, const double *values,
        const double *columnLower, const double *columnUpper, const double *objective, const double *rowLower,
        const double *rowUpper);
    void (*_Nonnull setObjSense)(OsaavaCbcModel *model, double sense);
    void (*_Nonnull setInteger)(OsaavaCbcModel *model, int column);
    void (*_Nonnull setParameter)(OsaavaCbcModel *model, const char *name, const char *value);
    void (*_Nonnull setMaximumSeconds)(OsaavaCbcModel *model, double seconds);
    void (*_Nonnull setMIPStartI)(OsaavaCbcModel *model, int count, const int *columns, const double *values);
    int (*_Nonnull solve)(OsaavaCbcModel *model);
    int (*_Nonnull getNumCols)(OsaavaCbcModel *model);
    const double *_Nullable (*_Nonnull bestSolution)(OsaavaCbcModel *model);
    double (*_Nonnull getObjValue)(OsaavaCbcModel *model);
    double (*_Nonnull getBestPossibleObjValue)(OsaavaCbcModel *model);
    int (*_Nonnull isProvenOptimal)(OsaavaCbcModel *model);
    int (*_Nonnull isProvenInfeasible)(OsaavaCbcModel *model);
    int (*_Nonnull isSecondsLimitReached)(OsaavaCbcModel *model);
    int (*_Nonnull getNodeCount)(OsaavaCbcModel *model);
    const double *_Nullable (*_Nonnull getColSolution)(OsaavaCbcModel *model);
    const double *_Nullable (*_Nonnull getReducedCost)(OsaavaCbcModel *model);
} OsaavaCbcApi;

/// Opens the CBC library `library` (a file name the dynamic loader searches for, or a path) and
/// resolves every function above. Returns the table (it stays valid for the life of the process:
/// the library is never closed), or NULL with the loader's reason in `reason` (NUL-terminated,
/// truncated to `reasonSize`) and, when a function is missing, its name in `missing`.
const OsaavaCbcApi *_Nullable osaava_cbc_load(
    const char *library, char *reason, size_t reasonSize, char *missing, size_t missingSize);

#pragma clang assume_nonnull end

#endif
