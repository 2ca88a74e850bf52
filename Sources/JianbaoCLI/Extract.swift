import ArgumentParser
import Emit
import Foundation
import Pipeline

extension OutputFormat: ExpressibleByArgument {}
extension CSVTable: ExpressibleByArgument {}

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert bulletins to JSON, XML or CSV.",
        discussion: """
            With one input and no --output, the document goes to standard output. With several \
            inputs, --output names a folder and each document is written there as NAME.FORMAT \
            (or use --format jsonl to stream one document per line). Exit status: 0 when every \
            input converted, 1 when some failed (each failure is one line on standard error).
            """)

    @Argument(help: "Text files to convert, or - for standard input.")
    var inputs: [String] = ["-"]

    @Option(name: .shortAndLong, help: "Output format: json, xml, csv or jsonl.")
    var format: OutputFormat = .json

    @Option(name: .shortAndLong, help: "Write to this file (one input) or folder (several inputs) instead of standard output.")
    var output: String?

    @Option(help: "With --format csv: which table (items, units, people, counts, ratios, dates, durations).")
    var table: CSVTable = .items

    @Option(help: ArgumentHelp("Anchor for year-less dates when the document states no date of its own.", valueName: "YYYY-MM-DD"))
    var referenceDate: String?

    @Option(help: "Refuse inputs larger than this many bytes.")
    var maxBytes: Int = 256 * 1024 * 1024

    func validate() throws {
        if let referenceDate, CalendarDay.parse(referenceDate) == nil {
            throw ValidationError("--reference-date must be a real calendar day as YYYY-MM-DD, not '\(referenceDate)'")
        }
        if maxBytes <= 0 { throw ValidationError("--max-bytes must be positive") }
    }

    func run() throws {
        let pipeline = Pipeline(options: PipelineOptions(referenceDate: referenceDate.flatMap(CalendarDay.parse), maxBytes: maxBytes))
        var failures = 0
        let toFolder = inputs.count > 1 && format != .jsonl
        if toFolder && output == nil {
            throw ValidationError("several inputs need --output FOLDER (or --format jsonl for standard output)")
        }
        for input in inputs {
            do {
                var document = try pipeline.convert(path: input)
                if input == "-" { document.source.path = "-" }
                let rendered = try format.renderData(document, table: table)
                if let output {
                    let url: URL
                    if toFolder {
                        let name = URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
                        url = URL(fileURLWithPath: output).appendingPathComponent("\(name).\(format == .csv ? "\(table.rawValue).csv" : format.rawValue)")
                    } else {
                        url = URL(fileURLWithPath: output)
                    }
                    try AtomicFile.write(rendered, to: url)
                } else {
                    FileHandle.standardOutput.write(rendered)
                }
            } catch let error as ConversionError {
                report(error.description)
                failures += 1
            } catch {
                report("\(input): \(error)")
                failures += 1
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
