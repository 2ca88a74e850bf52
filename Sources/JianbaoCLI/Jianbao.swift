import ArgumentParser
import Foundation
import Pipeline

@main
struct Jianbao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jianbao",
        abstract: "Turn raw Chinese bulletin text (简报) into structured data: items, units, counts, dates.",
        discussion: """
            jianbao reads bulletins as published by People's Congress bodies (UTF-8, UTF-16 with a \
            byte-order mark, or GB18030/GBK), splits them into their numbered items, and extracts the \
            organisations, counts, ratios, dates and durations in each, with spans pointing into the \
            original text.

            Examples:
              jianbao extract Fixtures/001_26312a3258f39266.txt
              jianbao extract report.txt --format xml --output report.xml
              cat report.txt | jianbao extract - --format jsonl --reference-date 2024-10-23
              jianbao batch incoming/ --output converted/ --formats json,xml,csv
              jianbao validate converted/report.json converted/report.xml
            """,
        version: JianbaoVersion.current,
        subcommands: [Extract.self, Batch.self, Validate.self]
    )

    /// As swift-argument-parser's, except that `batch` reports a usage error with status 2, its
    /// "could not start", so a cron job tells a broken command line from failed inputs (1).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let isUsageError = !(error is ExitCode) && exitCode(for: error) != .success
            if isUsageError, CommandLine.arguments.dropFirst().first == "batch" {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// One line on standard error, the way every failure is reported.
func report(_ message: String) {
    FileHandle.standardError.write(Data(("jianbao: " + message + "\n").utf8))
}
