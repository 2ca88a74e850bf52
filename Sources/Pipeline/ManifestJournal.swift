import Emit
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The manifest entries of the run in progress, one JSON line per document, appended to
/// OUTPUT_DIR/.jianbao-manifest.journal as each document's outputs are about to be renamed into
/// place. Rewriting the whole manifest after every document would cost time quadratic in the
/// number of inputs; an append is one short `write`. The next run replays the journal over the
/// manifest (`Manifest.load`), so a run killed after 1 500 of 2 000 documents is resumed with
/// only the other 500 converted; the end of a run folds the journal into the manifest and
/// deletes it.
///
/// A line is appended before the document's renames, so every document whose outputs are all
/// in place is in the journal; a line whose renames never happened describes outputs that are
/// not on disk, and the check against the outputs' stamps converts that document again. A line
/// cut short by a kill does not decode and is ignored.
final class ManifestJournal: @unchecked Sendable {
    static let fileName = ".jianbao-manifest.journal"

    private struct Line: Codable {
        var path: String
        var entry: Manifest.Entry
    }

    private let descriptor: Int32
    private let lock = NSLock()

    /// Starts an empty journal in `folder` (the caller has saved what the old one held).
    init(startingIn folder: URL) throws {
        let path = folder.appendingPathComponent(Self.fileName).path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileWriteError.posix(path, "cannot open the manifest journal") }
    }

    deinit { close(descriptor) }

    func append(path: String, entry: Manifest.Entry) throws {
        let line = Array(Self.line(path: path, entry: entry).utf8)
        lock.lock()
        defer { lock.unlock() }
        // One write of a short line to an O_APPEND descriptor: never interleaved with another.
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress!, $0.count) }
        guard written == line.count else { throw FileWriteError.posix(Self.fileName, "cannot append to the manifest journal") }
    }

    /// One line of the journal, the JSON `Line` decodes, written by hand: a JSONEncoder per
    /// document cost more than the rest of the bookkeeping together.
    static func line(path: String, entry: Manifest.Entry) -> String {
        let outputs = entry.outputs.keys.sorted().map { "\(JSONEscape.quoted($0)):\(JSONEscape.quoted(entry.outputs[$0]!))" }
        let input = entry.input.map { "\"input\":\(JSONEscape.quoted($0))," } ?? ""
        return "{\"entry\":{\(input)\"outputs\":{\(outputs.joined(separator: ","))},\"sha256\":\(JSONEscape.quoted(entry.sha256)),"
            + "\"version\":\(JSONEscape.quoted(entry.version))},\"path\":\(JSONEscape.quoted(path))}\n"
    }

    /// The entries of an interrupted run's journal, in the order they were written.
    static func replay(in folder: URL) -> [(String, Manifest.Entry)] {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(fileName)) else { return [] }
        let decoder = JSONDecoder()
        return data.split(separator: 0x0A).compactMap { bytes in
            (try? decoder.decode(Line.self, from: Data(bytes))).map { ($0.path, $0.entry) }
        }
    }

    static func remove(in folder: URL) {
        unlink(folder.appendingPathComponent(fileName).path)
    }
}
