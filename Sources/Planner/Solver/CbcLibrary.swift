import CCbcLazy

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// COIN-OR CBC's C API, opened on first use. Only planning solves models, so `--version`,
/// `analyze` and `survey` start without mapping and relocating CBC's thirteen C++ and Fortran
/// libraries (linked, their symbol lookups were the largest part of every start).
struct CbcLibrary: Sendable {
    /// CBC's functions: resolved once and never changed, the library never closed.
    let api: OsaavaCbcApi

    /// The library of this process, opened at the first solve: `OSAAVA_CBC_LIBRARY` when set (a
    /// path or a file name), else the installed CBC.
    static let shared: Result<CbcLibrary, PlannerError> = load(
        candidates: candidates(override: getenv(overrideVariable).map { String(cString: $0) }))

    /// The environment variable that names the library instead of the installed one.
    static let overrideVariable = "OSAAVA_CBC_LIBRARY"

    /// The libraries to try in order: the override alone when given (a library the user named is
    /// not silently replaced by another), else the versioned file name of Debian's runtime package
    /// first, then the development package's unversioned link.
    static func candidates(override: String?) -> [String] {
        if let override, !override.isEmpty { return [override] }
        #if os(macOS)
            return [
                "libCbcSolver.3.dylib", "libCbcSolver.dylib", "/opt/homebrew/lib/libCbcSolver.dylib",
                "/usr/local/lib/libCbcSolver.dylib",
            ]
        #else
            return ["libCbcSolver.so.3", "libCbcSolver.so"]
        #endif
    }

    /// Opens the first of `candidates` that loads; an error that says what to install otherwise.
    static func load(candidates: [String]) -> Result<CbcLibrary, PlannerError> {
        var reasons: [String] = []
        for library in candidates {
            var reason = [CChar](repeating: 0, count: 512)
            var missing = [CChar](repeating: 0, count: 128)
            if let api = osaava_cbc_load(library, &reason, reason.count, &missing, missing.count) {
                return .success(CbcLibrary(api: api.pointee))
            }
            let function = Self.text(missing)
            if !function.isEmpty {
                // The library is there but is not the CBC the planner was written for.
                return .failure(.solverIncompatible(library: library, missing: function))
            }
            reasons.append(Self.text(reason))
        }
        return .failure(.solverNotInstalled(tried: candidates, reason: reasons.last ?? ""))
    }

    private static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
