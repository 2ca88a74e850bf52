import ArgumentParser
import Emit
import Foundation

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check JSON or XML outputs against the shipped schemas.",
        discussion: "XML is validated against jianbao-document.xsd with libxml2; JSON by strict decoding into the document model. Exit status 1 when any file is invalid.")

    @Argument(help: "JSON or XML files written by jianbao.")
    var files: [String]

    func run() throws {
        var invalid = 0
        for file in files {
            let problems = DocumentValidator().validate(URL(fileURLWithPath: file))
            if problems.isEmpty {
                print("\(file): valid")
            } else {
                invalid += 1
                for problem in problems.prefix(20) { report("\(file): \(problem)") }
            }
        }
        if invalid > 0 { throw ExitCode(1) }
    }
}
