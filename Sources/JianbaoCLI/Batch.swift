import ArgumentParser
import Foundation
import Logging
import Pipeline

struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert every *.txt under a folder, incrementally, for cron.",
        discussion: """
            The folder layout is mirrored under OUTPUT_DIR (NAME.json, NAME.xml), and one CSV table per \
            kind (items.csv, units.csv, people.csv, counts.csv, ratios.csv, dates.csv, durations.csv) is \
            written over all documents. An input whose content has not changed since the last run is \
            not converted again (see OUTPUT_DIR/.jianbao-manifest.json); --force converts everything. \
            The outputs of an input that is gone are kept (and left out of the tables) unless --prune. \
            Every file is written to a temporary name and renamed, so readers never see half a file, \
            and a run killed part way is finished by the next one.

            Progress: a bar when standard error is a terminal, one line per document otherwise \
            (cron mail); --quiet prints errors only.

            Exit status: 0 all converted, 1 some inputs failed (listed in the summary), 2 the run \
            could not start (bad arguments, no input folder, output not writable, another batch \
            already writing into OUTPUT_DIR).
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

    @Flag(help: "Remove the outputs of inputs that are no longer in INPUT_DIR.")
    var prune = false

    @Flag(name: .shortAndLong, help: "Print errors only.")
    var quiet = false

    @Option(help: ArgumentHelp("Anchor for year-less dates when a document states no date of its own.", valueName: "YYYY-MM-DD"))
    var referenceDate: String?

    @Option(help: "Refuse inputs larger than this many bytes (each is reported as failed).")
    var maxBytes: Int = 256 * 1024 * 1024

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if maxBytes <= 0 { throw ValidationError("--max-bytes must be positive") }
        if let referenceDate, CalendarDay.parse(referenceDate) == nil {
            throw ValidationError("--reference-date must be a real calendar day as YYYY-MM-DD, not '\(referenceDate)'")
        }
        _ = try chosenFormats()
    }

    private func chosenFormats() throws -> Set<OutputFormat> {
        var chosen: Set<OutputFormat> = []
        for name in formats.split(separator: ",") {
            guard let format = OutputFormat(rawValue: name.trimmingCharacters(in: .whitespaces)), format != .jsonl else {
                throw ValidationError("unknown format '\(name)' in --formats (use json, xml, csv)")
            }
            chosen.insert(format)
        }
        guard !chosen.isEmpty else { throw ValidationError("--formats names no format (use json, xml, csv)") }
        return chosen
    }

    func run() throws {
        let terminal = StandardError.shared
        let showBar = terminal.isTerminal && !quiet
        // A terminal shows the bar, and above it only what needs attention; cron mail gets a line
        // per document; --quiet, errors only (the summary too when something failed).
        let level: Logger.Level = quiet ? .error : (showBar ? .warning : .info)
        var runner = BatchRunner(
            options: .init(
                input: URL(fileURLWithPath: inputDir), output: URL(fileURLWithPath: output), formats: try chosenFormats(),
                force: force, prune: prune, jobs: jobs),
            pipeline: Pipeline(options: PipelineOptions(referenceDate: referenceDate.flatMap(CalendarDay.parse), maxBytes: maxBytes)),
            logger: Logger(label: "jianbao.batch") { _ in StandardErrorLogHandler(level: level) })
        let bar = ProgressBar()
        if showBar { runner.onProgress = { bar.update($0) } }

        let summary: BatchSummary
        do {
            summary = try runner.run()
        } catch {
            if showBar { bar.finish() }
            terminal.line("jianbao: batch could not start: \(error)")
            throw ExitCode(2)
        }
        if showBar { bar.finish() }
        if !quiet || !summary.failed.isEmpty { terminal.line("jianbao: batch: " + summary.text) }
        if summary.exitStatus != 0 { throw ExitCode(summary.exitStatus) }
    }
}
