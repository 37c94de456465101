/// A problem with what the user asked for, said with what to do next.
package struct CLIError: Error, CustomStringConvertible {
    package var description: String

    package init(_ description: String) {
        self.description = description
    }
}
