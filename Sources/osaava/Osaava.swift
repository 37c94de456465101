import ArgumentParser
import OsaavaCLI

@main extension OsaavaCommand {}
