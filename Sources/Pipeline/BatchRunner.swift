import Emit
import Foundation
import JianbaoCore
import Logging

/// `jianbao batch`: converts every `*.txt` under a folder into a mirrored folder of outputs,
/// made to run unattended from cron.
///
/// - Incremental: an input whose bytes, build and outputs match its manifest entry is skipped.
/// - Atomic: every file is staged complete beside its target and renamed into place; the
///   combined tables (`CombinedTables`, built as the documents come) and the manifest come last. A run killed at any moment leaves no partial
///   file, and the next run removes its temporary leftovers and converts only what is missing.
/// - Parallel: `jobs` workers; the outputs do not depend on their number.
/// - One bad input never stops the others: it is a failure in the summary.
///
///     let summary = try BatchRunner(options: .init(input: incoming, output: converted)).run()
public struct BatchRunner {
    public struct Options {
        public var input: URL
        public var output: URL
        public var formats: Set<OutputFormat>
        public var force: Bool
        /// Remove the outputs of inputs that are gone.
        public var prune: Bool
        public var jobs: Int

        public init(
            input: URL, output: URL, formats: Set<OutputFormat> = [.json, .xml, .csv], force: Bool = false, prune: Bool = false,
            jobs: Int = 1
        ) {
            self.input = input
            self.output = output
            self.formats = formats
            self.force = force
            self.prune = prune
            self.jobs = max(1, jobs)
        }

        /// The formats written per document, in the order they are renamed into place.
        var documentFormats: [OutputFormat] { [.xml, .json].filter(formats.contains) }
    }

    public let options: Options
    public let pipeline: Pipeline
    public var logger: Logger
    /// Called after each input, from the worker that handled it.
    public var onProgress: (@Sendable (BatchProgress) -> Void)?

    public init(options: Options, pipeline: Pipeline = Pipeline(), logger: Logger = Logger(label: "jianbao.batch")) {
        self.options = options
        self.pipeline = pipeline
        self.logger = logger
    }

    /// What became of one input. The document itself is not kept: its rows are in the combined
    /// tables already.
    enum Outcome {
        case converted(Manifest.Entry)
        /// With the entry to keep when it changed (the input's stamp, after its bytes were
        /// found unchanged), nil when the manifest's entry stands.
        case unchanged(Manifest.Entry?)
        case failed(ConversionError)
    }

    /// Runs the batch. Throws `BatchStartError` only when the run cannot start (no input folder,
    /// output folder not writable, another run writing into it).
    public func run() throws -> BatchSummary {
        let found = try BatchInputs.find(in: options.input)
        do {
            try FileManager.default.createDirectory(at: options.output, withIntermediateDirectories: true)
        } catch {
            throw BatchStartError(path: options.output.path, reason: "cannot create the output folder (\(error.localizedDescription))")
        }
        let lock = try OutputLock(folder: options.output)
        defer { withExtendedLifetime(lock) {} }

        let leftovers = AtomicFile.removeLeftovers(in: options.output)
        if !leftovers.isEmpty { logger.notice("removed \(leftovers.count) temporary files left by an interrupted run") }
        // Fold an interrupted run's journal into the manifest before starting a new journal.
        var manifest = Manifest.load(from: options.output)
        let journal: ManifestJournal
        do {
            try manifest.save(to: options.output)
            journal = try ManifestJournal(startingIn: options.output)
        } catch {
            throw BatchStartError(path: options.output.path, reason: "cannot write the manifest (\(error))")
        }

        var summary = BatchSummary()
        summary.failed = found.unreadable
        summary.linksOut = found.linksOut
        for link in found.linksOut { logger.warning("not followed: \(link) leads out of the input folder") }
        logger.info("\(found.inputs.count) inputs, \(options.jobs) jobs")

        let progress = ProgressCounter(total: found.inputs.count, report: onProgress)
        let previous = manifest.entries
        let tables = options.formats.contains(.csv) ? CombinedTables(spillingIn: options.output, documentCount: found.inputs.count) : nil
        let spares = SpareFiles()
        defer { spares.removeAll() }
        let outcomes = ParallelMap.run(Array(found.inputs.enumerated()), jobs: options.jobs) { input -> Outcome in
            let (index, relative) = input
            let outcome = convertOne(relative, previous: previous[relative], journal: journal, spares: spares) { document in
                tables?.add(document, at: index)
            }
            switch outcome {
            case .converted: logger.info("converted \(relative)")
            case .unchanged: logger.debug("unchanged \(relative)")
            case let .failed(error): logger.warning("failed \(error)")
            }
            progress.record(outcome)
            return outcome
        }

        for (relative, outcome) in zip(found.inputs, outcomes) {
            switch outcome {
            case let .converted(entry):
                summary.converted.append(relative)
                manifest.entries[relative] = entry
            case let .unchanged(refreshed):
                summary.unchanged.append(relative)
                if let refreshed { manifest.entries[relative] = refreshed }
            case let .failed(error):
                // The entry (if any) still describes the outputs an earlier run left on disk.
                summary.failed.append(error)
            }
        }
        handleGoneInputs(present: Set(found.inputs), manifest: &manifest, summary: &summary)

        for failure in tables?.write(to: options.output) ?? [] {
            logger.error("cannot write \(failure.path): \(failure.reason)")
            summary.failed.append(failure)
        }
        // The manifest goes last; until it is saved, the journal holds this run's entries.
        do {
            try manifest.save(to: options.output)
            ManifestJournal.remove(in: options.output)
        } catch {
            logger.error("cannot save the manifest: \(error)")
            summary.failed.append(ConversionError(path: Manifest.fileName, reason: "\(error)"))
        }
        return summary
    }

    /// Converts one input, or finds its outputs up to date; either way hands the document to
    /// `addToTables` when the combined tables need it.
    private func convertOne(
        _ relative: String, previous: Manifest.Entry?, journal: ManifestJournal, spares: SpareFiles, addToTables: (Document) -> Void
    ) -> Outcome {
        // isDirectory: false spares the stat a file URL otherwise makes to find out.
        let inputURL = options.input.appendingPathComponent(relative, isDirectory: false)
        let base = options.output.appendingPathComponent(String(relative.dropLast(4)), isDirectory: false)
        var staged: [AtomicFile.StagedFile] = []
        let current = options.force ? nil : previous.flatMap { $0.version == Manifest.currentVersion ? $0 : nil }
        do {
            // An input whose stamp is the one recorded is not read at all (unless the tables
            // need its document).
            if let current, let recorded = current.input, FileStamp(path: inputURL.path)?.description == recorded,
                outputsUnchanged(base: base, entry: current)
            {
                if options.formats.contains(.csv) {
                    let bytes = try InputFile.read(path: inputURL.path, maxBytes: pipeline.options.maxBytes)
                    addToTables(try document(of: bytes, relative, sha256: current.sha256))
                }
                return .unchanged(nil)
            }
            let (bytes, stamp) = try InputFile.readStamped(path: inputURL.path, maxBytes: pipeline.options.maxBytes)
            let hash = Manifest.sha256(bytes)
            if let current, current.sha256 == hash, outputsUnchanged(base: base, entry: current) {
                if options.formats.contains(.csv) { addToTables(try document(of: bytes, relative, sha256: hash)) }
                var refreshed = current
                refreshed.input = stamp?.description
                return .unchanged(refreshed == current ? nil : refreshed)
            }
            let document = try document(of: bytes, relative, sha256: hash)
            var entry = Manifest.Entry(sha256: hash, input: stamp?.description, version: Manifest.currentVersion, outputs: [:])
            for format in options.documentFormats {
                let file = try AtomicFile.stage(format.renderData(document), for: base.appendingPathExtension(format.rawValue), spares: spares)
                staged.append(file)
                entry.outputs[format.rawValue] = file.stamp.description
            }
            try journal.append(path: relative, entry: entry)
            for file in staged { try file.commit() }
            if options.formats.contains(.csv) { addToTables(document) }
            return .converted(entry)
        } catch {
            for file in staged { file.discard() }
            if let error = error as? ConversionError { return .failed(ConversionError(path: relative, reason: error.reason)) }
            return .failed(ConversionError(path: relative, reason: "\(error)"))
        }
    }

    /// The document of an input's bytes, its path the one relative to INPUT_DIR.
    private func document(of bytes: [UInt8], _ relative: String, sha256: String) throws -> Document {
        var document = try pipeline.convert(bytes: bytes, path: relative, sha256: sha256)
        document.source.path = relative
        return document
    }

    /// Whether the outputs on disk are those `entry` recorded (`FileStamp`). When they are and
    /// the combined tables need the document, it is converted again in memory, not read back
    /// from the JSON: the same build gives the same document, and converting takes a third of
    /// the time that decoding the JSON with JSONDecoder did.
    private func outputsUnchanged(base: URL, entry: Manifest.Entry) -> Bool {
        for format in options.documentFormats {
            guard let expected = entry.outputs[format.rawValue],
                FileStamp(path: base.appendingPathExtension(format.rawValue).path)?.description == expected
            else { return false }
        }
        return true
    }

    /// Inputs in the manifest that are not in INPUT_DIR any more: with `--prune` their outputs are
    /// removed (only the files the manifest says jianbao wrote), otherwise they are kept and
    /// listed. Either way they are left out of the combined tables.
    private func handleGoneInputs(present: Set<String>, manifest: inout Manifest, summary: inout BatchSummary) {
        for relative in manifest.entries.keys.sorted() where !present.contains(relative) {
            guard options.prune else {
                summary.gone.append(relative)
                logger.notice("input gone, outputs kept: \(relative)")
                continue
            }
            let base = options.output.appendingPathComponent(String(relative.dropLast(4)))
            for format in manifest.entries[relative]!.outputs.keys.sorted() {
                unlink(base.appendingPathExtension(format).path)
            }
            removeEmptyFolders(from: base.deletingLastPathComponent())
            manifest.entries[relative] = nil
            summary.pruned.append(relative)
            logger.info("pruned \(relative)")
        }
    }

    /// Removes `folder` and its parents while they are empty, up to (not including) OUTPUT_DIR.
    private func removeEmptyFolders(from folder: URL) {
        let top = options.output.standardizedFileURL.path
        var current = folder.standardizedFileURL
        while current.path.hasPrefix(top + "/"), rmdir(current.path) == 0 {
            current = current.deletingLastPathComponent().standardizedFileURL
        }
    }
}

/// Counts outcomes across workers and hands each new total to the progress callback.
private final class ProgressCounter: @unchecked Sendable {
    private var progress: BatchProgress
    private let report: (@Sendable (BatchProgress) -> Void)?
    private let lock = NSLock()

    init(total: Int, report: (@Sendable (BatchProgress) -> Void)?) {
        progress = BatchProgress(total: total)
        self.report = report
    }

    func record(_ outcome: BatchRunner.Outcome) {
        lock.lock()
        switch outcome {
        case .converted: progress.converted += 1
        case .unchanged: progress.unchanged += 1
        case .failed: progress.failed += 1
        }
        let now = progress
        lock.unlock()
        report?(now)
    }
}
