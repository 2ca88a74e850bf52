import Emit
import JianbaoCore

/// The formats jianbao writes a document in.
public enum OutputFormat: String, CaseIterable, Sendable {
    case json, xml, csv, jsonl

    /// The document rendered in this format. CSV renders one table (`table`).
    public func render(_ document: Document, table: CSVTable = .items) throws -> String {
        switch self {
        case .json: return JSONTextWriter().write(DocumentJSON.encode(document))
        case .jsonl: return JSONTextWriter().writeLine(DocumentJSON.encode(document))
        case .xml: return try XMLDocumentWriter().write(document)
        case .csv: return table.render([document])
        }
    }
}
