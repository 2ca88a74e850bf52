import ArgumentParser
import Foundation
import Pipeline

struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert every *.txt under a folder, incrementally, for cron.",
        discussion: """
            The folder layout is mirrored under OUTPUT_DIR (NAME.json, NAME.xml), and one CSV table per \
            kind (items.csv, units.csv, people.csv, counts.csv, ratios.csv, dates.csv, durations.csv) is \
            written over all documents. An input whose content has not changed since the last run is \
            not converted again (see OUTPUT_DIR/.jianbao-manifest.json); --force converts everything. \
            Every file is written to a temporary name and renamed, so readers never see half a file.

            Exit status: 0 all converted, 1 some inputs failed (listed in the summary), 2 the run \
            could not start (no input folder, output not writable).
            """)

    @Argument(help: "Folder of bulletins (searched recursively for *.txt).")
    var inputDir: String

    @Option(name: .shortAndLong, help: "Folder to write into (created if missing).")
    var output: String

    @Option(help: "Comma-separated formats to write: json, xml, csv.")
    var formats: String = "json,xml,csv"

    @Option(help: "Parallel conversions (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Convert every input even when unchanged.")
    var force = false

    @Flag(name: .shortAndLong, help: "Print errors only.")
    var quiet = false

    @Option(help: ArgumentHelp("Anchor for year-less dates when a document states no date of its own.", valueName: "YYYY-MM-DD"))
    var referenceDate: String?

    @Option(help: "Refuse inputs larger than this many bytes.")
    var maxBytes: Int = 256 * 1024 * 1024

    func run() throws {
        var chosen: Set<OutputFormat> = []
        for name in formats.split(separator: ",") {
            guard let format = OutputFormat(rawValue: name.trimmingCharacters(in: .whitespaces)), format != .jsonl else {
                report("batch: unknown format '\(name)' (use json, xml, csv)")
                throw ExitCode(2)
            }
            chosen.insert(format)
        }
        guard referenceDate == nil || CalendarDay.parse(referenceDate!) != nil else {
            report("batch: --reference-date must be YYYY-MM-DD")
            throw ExitCode(2)
        }
        let quiet = self.quiet
        let runner = BatchRunner(
            options: .init(
                input: URL(fileURLWithPath: inputDir), output: URL(fileURLWithPath: output), formats: chosen, force: force,
                jobs: jobs),
            pipeline: Pipeline(options: PipelineOptions(referenceDate: referenceDate.flatMap(CalendarDay.parse), maxBytes: maxBytes)),
            log: { line in if !quiet || line.hasPrefix("failed") { report(line) } })
        let summary: BatchRunner.Summary
        do {
            summary = try runner.run()
        } catch {
            report("batch: could not run: \(error)")
            throw ExitCode(2)
        }
        if !quiet || !summary.failed.isEmpty { report(summary.text.replacingOccurrences(of: "jianbao batch: ", with: "batch: ")) }
        if summary.exitStatus != 0 { throw ExitCode(summary.exitStatus) }
    }
}
