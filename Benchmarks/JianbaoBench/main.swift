// jianbao-bench: the time of each stage over a set of files, for `make bench`.
//
//     jianbao-bench FILE... [--output DIR]
//
// Runs the stages one by one through the library, as `Pipeline.convert` does (Ingest →
// Normalize → Segment → Extract), then `Pipeline.assemble` (`finish`: item lookup, source
// slices, sorting) and Emit's JSON (written into DIR, else discarded). Prints one
// `stage seconds` line per stage (thread CPU seconds).
// The first file is converted once untimed before the timed pass (lexicon loading).
// Not part of the `jianbao` product; the normal CLI carries no timing code.
import Emit
import Extract
import Foundation
import Ingest
import JianbaoCore
import Normalize
import Pipeline
import Segment

#if canImport(Glibc)
    import Glibc
#endif

/// CPU time of this thread, in nanoseconds: the stages run on one thread, and CPU time does not
/// count the waits for a core a busy machine imposes (the wall-clock figures come from run.sh).
@inline(__always) func now() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var outputDir: String?
if let flag = arguments.firstIndex(of: "--output"), flag + 1 < arguments.count {
    outputDir = arguments[flag + 1]
    arguments.removeSubrange(flag...(flag + 1))
}
if let outputDir { try FileManager.default.createDirectory(atPath: outputDir, withIntermediateDirectories: true) }

/// The process's peak resident set so far (VmHWM), in KB; 0 where /proc is missing.
func peakKB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return 0 }
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
}

var seconds: [String: Double] = [:]
/// Peak RSS after each stage, over all files: where a large document's memory peak is reached.
var peaks: [(String, Int)] = []
func add(_ stage: String, _ start: UInt64, _ end: UInt64) { seconds[stage, default: 0] += Double(end - start) / 1e9 }

let pipeline = Pipeline()
// --memory: the CLI's own path for one document (convert from the path, render, write),
// with the peak resident set after each step: where a large document's peak is reached.
if arguments.first == "--memory", arguments.count == 2 {
    let document = try pipeline.convert(path: arguments[1])
    print("peak-after-convert \(peakKB())")
    let json = try OutputFormat.json.render(document)
    print("peak-after-render \(peakKB())")
    try AtomicFile.write(json, to: URL(fileURLWithPath: outputDir ?? "/dev/null").appendingPathComponent("memory.json"))
    print("peak-after-write \(peakKB())")
    exit(0)
}
// Warm-up, untimed: the first conversion loads every lexicon (a one-off per process, like
// JioNLP's import, which its side of the comparison does not time either).
if let first = arguments.first { _ = try? OutputFormat.json.renderData(pipeline.convert(path: first)) }
var bytesIn = 0
var entities = 0
for path in arguments {
    // Each stage's window holds only its own work: the peak-memory reads (a /proc read each)
    // come after a window closes.
    let t0 = now()
    let bytes = try InputFile.read(path: path, maxBytes: Ingestor.defaultMaxBytes)
    let source = try Ingestor().decode(bytes, path: path)
    let t1 = now()
    let p1 = peakKB()
    let t2a = now()
    let text = Normalizer().normalize(source.text)
    let t2 = now()
    let p2 = peakKB()
    let t3a = now()
    let segmentation = Segmenter().segment(text)
    let t3 = now()
    let p3 = peakKB()
    let t4a = now()
    let dates = DateExtractor().extract(
        text, anchor: pipeline.dateAnchor(segmentation.masthead), locator: ItemLocator(items: segmentation.items))
    let t4 = now()
    let p4 = peakKB()
    let t5a = now()
    let counts = CountExtractor().extract(text)
    let t5 = now()
    let p5 = peakKB()
    let t6a = now()
    let units = UnitExtractor().extract(text, items: segmentation.items, masthead: MastheadFacts(segmentation))
    let t6 = now()
    let p6 = peakKB()
    peaks = [("ingest", p1), ("normalize", p2), ("segment", p3), ("extract.dates", p4), ("extract.counts", p5), ("extract.units", p6)]
    entities += dates.dates.count + counts.counts.count + units.units.count
    // What `Pipeline.convert` does after the stages, timed alone.
    let t7a = now()
    let document = pipeline.assemble(source, segmentation, Extraction(dates: dates, counts: counts, units: units))
    let t7 = now()
    let json = try OutputFormat.json.renderData(document)
    if let outputDir {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        try json.write(to: URL(fileURLWithPath: outputDir).appendingPathComponent(name + ".json"))
    }
    let t8 = now()
    peaks.append(("emit", peakKB()))
    add("ingest", t0, t1)
    add("normalize", t2a, t2)
    add("segment", t3a, t3)
    add("extract.dates", t4a, t4)
    add("extract.counts", t5a, t5)
    add("extract.units", t6a, t6)
    add("finish", t7a, t7)
    add("emit", t7, t8)
    bytesIn += bytes.count
}
print("files \(arguments.count)")
print("bytes \(bytesIn)")
print("entities \(entities)")
for (stage, kb) in peaks { print("peak-after-\(stage) \(kb)") }
for stage in ["ingest", "normalize", "segment", "extract.dates", "extract.counts", "extract.units", "finish", "emit"] {
    print(String(format: "%@ %.4f", stage, seconds[stage] ?? 0))
}
