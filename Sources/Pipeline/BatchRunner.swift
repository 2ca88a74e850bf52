import Emit
import Foundation
import JianbaoCore

/// `jianbao batch`: converts every `*.txt` under a folder into a mirrored folder of outputs,
/// incrementally (a manifest of input hashes), atomically (temporary file, then rename), and
/// without letting one bad input stop the others. Writes the combined CSV tables last.
public struct BatchRunner {
    public struct Options {
        public var input: URL
        public var output: URL
        public var formats: Set<OutputFormat>
        public var force: Bool
        public var jobs: Int

        public init(input: URL, output: URL, formats: Set<OutputFormat> = [.json, .xml, .csv], force: Bool = false, jobs: Int = 1) {
            self.input = input
            self.output = output
            self.formats = formats
            self.force = force
            self.jobs = max(1, jobs)
        }
    }

    /// What a run did, for the summary and the exit status.
    public struct Summary: Equatable {
        public var converted: [String] = []
        public var unchanged: [String] = []
        public var failed: [ConversionError] = []

        /// 0 when every input converted, 1 when some failed.
        public var exitStatus: Int32 { failed.isEmpty ? 0 : 1 }

        public var text: String {
            var lines = ["jianbao batch: \(converted.count) converted, \(unchanged.count) unchanged, \(failed.count) failed"]
            lines += failed.map { "  failed: \($0)" }
            return lines.joined(separator: "\n")
        }
    }

    public let options: Options
    public let pipeline: Pipeline
    public var log: (String) -> Void

    public init(options: Options, pipeline: Pipeline = Pipeline(), log: @escaping (String) -> Void = { _ in }) {
        self.options = options
        self.pipeline = pipeline
        self.log = log
    }

    /// Runs the batch. Throws only when the run cannot start (no input folder, output unwritable).
    public func run() throws -> Summary {
        let inputs = try BatchInputs.find(in: options.input)
        try FileManager.default.createDirectory(at: options.output, withIntermediateDirectories: true)
        var manifest = Manifest.load(from: options.output)
        var summary = Summary()
        var documents: [String: Document] = [:]

        let results = ParallelMap.run(inputs, jobs: options.jobs) { relative -> Result<(Document, Bool), ConversionError> in
            convertOne(relative, manifest: manifest)
        }
        for (relative, result) in zip(inputs, results) {
            switch result {
            case let .success((document, wasConverted)):
                documents[relative] = document
                if wasConverted {
                    summary.converted.append(relative)
                    manifest.entries[relative] = Manifest.Entry(sha256: document.source.sha256)
                    log("converted \(relative)")
                } else {
                    summary.unchanged.append(relative)
                }
            case let .failure(error):
                summary.failed.append(error)
                manifest.entries[relative] = nil
                log("failed \(error)")
            }
        }
        if options.formats.contains(.csv) {
            let ordered = inputs.compactMap { documents[$0] }
            for table in CSVTable.allCases {
                try AtomicFile.write(table.render(ordered), to: options.output.appendingPathComponent("\(table.rawValue).csv"))
            }
        }
        // The manifest goes last: a run killed before this point is redone next time.
        try manifest.save(to: options.output)
        return summary
    }

    private func convertOne(_ relative: String, manifest: Manifest) -> Result<(Document, Bool), ConversionError> {
        let inputURL = options.input.appendingPathComponent(relative)
        let base = options.output.appendingPathComponent(String(relative.dropLast(4)))
        let jsonURL = base.appendingPathExtension("json")
        do {
            let bytes = try InputFile.read(path: inputURL.path, maxBytes: pipeline.options.maxBytes)
            let hash = Manifest.sha256(bytes)
            if !options.force, manifest.entries[relative]?.sha256 == hash, manifest.version == Manifest.currentVersion,
                outputsExist(base), let data = try? Data(contentsOf: jsonURL),
                let document = try? JSONDecoder().decode(Document.self, from: data)
            {
                return .success((document, false))
            }
            var document = try pipeline.convert(bytes: bytes, path: relative)
            document.source.path = relative
            for format in [OutputFormat.json, .xml] where options.formats.contains(format) {
                try AtomicFile.write(format.render(document), to: base.appendingPathExtension(format.rawValue))
            }
            return .success((document, true))
        } catch let error as ConversionError {
            return .failure(ConversionError(path: relative, reason: error.reason))
        } catch {
            return .failure(ConversionError(path: relative, reason: "\(error)"))
        }
    }

    private func outputsExist(_ base: URL) -> Bool {
        // The JSON is always needed: the combined tables are rebuilt from it.
        let needed = [OutputFormat.json] + (options.formats.contains(.xml) ? [.xml] : [])
        return needed.allSatisfy { FileManager.default.fileExists(atPath: base.appendingPathExtension($0.rawValue).path) }
    }
}

/// The `*.txt` files under the input folder, as sorted relative paths; links are not followed
/// out of the folder and names with `..` never reach the output side.
enum BatchInputs {
    static func find(in folder: URL) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ConversionError(path: folder.path, reason: "input folder does not exist")
        }
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else {
            throw ConversionError(path: folder.path, reason: "cannot list the input folder")
        }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".txt"), !relative.split(separator: "/").contains("..") else { continue }
            let full = folder.appendingPathComponent(relative)
            let attributes = try? FileManager.default.attributesOfItem(atPath: full.path)
            guard attributes?[.type] as? FileAttributeType == .typeRegular else { continue }
            result.append(relative)
        }
        return result.sorted()
    }
}
