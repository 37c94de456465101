// OsaavaCLI module.
