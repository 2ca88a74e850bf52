import Emit
import Foundation
import JianbaoCore

/// The combined CSV tables of a batch run (SPEC "CSV": one table per kind over all documents,
/// in input order), built without holding the documents, so a run's memory follows its largest
/// document rather than the whole archive.
///
/// Each document's rows are turned into bytes as soon as it is converted (or decoded, when its
/// input is unchanged) and appended, in whatever order the workers finish, to one spill file
/// per table; only where each document's chunk lies is remembered, by input index. At the end
/// each table is written through `AtomicFile` (byte-order mark, header, then the chunks in input
/// order, copied across from the spill file a block at a time), so the bytes do not depend on
/// the number of workers. The spill files are nameless scratch files in OUTPUT_DIR (see
/// `AtomicFile.scratchFile`): they use that folder's disk space, not memory or /tmp, and vanish
/// with the process however the run ends.
///
///     let tables = CombinedTables(spillingIn: output, documentCount: inputs.count)
///     tables.add(document, at: 0)               // from any worker
///     let failures = tables.write(to: output)   // once every document is added
final class CombinedTables: @unchecked Sendable {
    /// Where one document's rows lie in a spill file; empty when it has none there (no rows of
    /// that kind, or the document failed).
    private struct Chunk {
        var offset = 0
        var length = 0
    }

    private struct Spill {
        let file: OpenFile
        /// By input index.
        var chunks: [Chunk]
    }

    /// One per table, in `CSVTable.allCases` order.
    private var spills: [Spill] = []
    /// Why the tables cannot be written: a spill file could not be made or written. The tables an
    /// earlier run wrote are then left as they are.
    private var failure: String?
    private let lock = NSLock()

    init(spillingIn folder: URL, documentCount: Int) {
        do {
            spills = try CSVTable.allCases.map { table in
                let file = try AtomicFile.scratchFile(in: folder, for: "\(table.rawValue).csv.spill")
                return Spill(file: file, chunks: Array(repeating: Chunk(), count: documentCount))
            }
        } catch {
            failure = "cannot make a spill file: \(error)"
        }
    }

    /// Adds the rows of `document`, the input at `index`, to every table. Safe from any worker:
    /// the rows are rendered outside the lock and only appended under it.
    func add(_ document: Document, at index: Int) {
        var rows = CSVRecordBuffer()
        var ends: [Int] = []
        for table in CSVTable.allCases {
            table.appendRows(of: document, to: &rows)
            ends.append(rows.count)
        }
        lock.lock()
        defer { lock.unlock() }
        guard failure == nil else { return }
        do {
            var start = 0
            for (table, end) in zip(spills.indices, ends) {
                defer { start = end }
                guard end > start else { continue }
                let offset = spills[table].file.end
                try rows.bytes[start..<end].withUnsafeBytes { try spills[table].file.append($0) }
                spills[table].chunks[index] = Chunk(offset: offset, length: end - start)
            }
        } catch {
            failure = "cannot write a spill file: \(error)"
        }
    }

    /// Writes every table into `folder` as TABLE.csv; returns those that could not be written,
    /// by file name. Call once all documents are added.
    func write(to folder: URL) -> [ConversionError] {
        lock.lock()
        defer { lock.unlock() }
        var block = [UInt8](repeating: 0, count: Self.blockSize)
        var failures: [ConversionError] = []
        for (position, table) in CSVTable.allCases.enumerated() {
            let name = "\(table.rawValue).csv"
            if let failure {
                failures.append(ConversionError(path: name, reason: failure))
                continue
            }
            do {
                try AtomicFile.write(to: folder.appendingPathComponent(name)) { out in
                    var opening = CSVRecordBuffer()
                    table.appendHeader(to: &opening)
                    try opening.bytes.withUnsafeBytes { try out.append($0) }
                    try copyChunks(of: spills[position], to: out, through: &block)
                }
            } catch {
                failures.append(ConversionError(path: name, reason: "\(error)"))
            }
        }
        return failures
    }

    /// Copies a table's chunks in input order. Chunks that follow each other in the spill file
    /// too (all of them with one worker) are copied as one run.
    private func copyChunks(of spill: Spill, to out: OpenFile, through block: inout [UInt8]) throws {
        var run = Chunk()
        for chunk in spill.chunks where chunk.length > 0 {
            if chunk.offset == run.offset + run.length {
                run.length += chunk.length
            } else {
                try copy(run, from: spill.file, to: out, through: &block)
                run = chunk
            }
        }
        try copy(run, from: spill.file, to: out, through: &block)
    }

    private func copy(_ chunk: Chunk, from spill: OpenFile, to out: OpenFile, through block: inout [UInt8]) throws {
        var done = 0
        while done < chunk.length {
            let count = min(block.count, chunk.length - done)
            try block.withUnsafeMutableBytes { try spill.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[..<count]), at: chunk.offset + done) }
            try block.withUnsafeBytes { try out.append(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            done += count
        }
    }

    /// Large enough that copying costs few system calls, small beside any document.
    private static let blockSize = 1 << 20
}
