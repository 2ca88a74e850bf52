import Foundation
import JianbaoCore
import Pipeline
import Testing
import TestSupport

/// Units and people against the hand annotations of every fixture (Fixtures/ANNOTATING.md,
/// "units.json"), through the whole pipeline so the item fields and masthead are Segment's own.
/// A unit matches an annotation when their spans overlap and the role agrees; how many of those
/// also carry the annotated `name` is reported beside. A person matches on name, role and an
/// overlapping span. Figures print per bulletin and per role group: the role-bearing roles
/// (declarer, contributor, speaker, responsible, issuer, reporter) and `mentioned` apart.
@Suite struct UnitAccuracyTests {
    /// Floors, every one reached on every fixture today (role-bearing 100 % / 100 %, mentioned
    /// precision 97.3–100 %, people 100 %). The issue's targets are role-bearing precision 0.97
    /// and recall 0.95, mentioned precision 0.90; the mentioned floor sits higher, at what the
    /// rules reach, so a regression shows. Raise them as the rules improve.
    static let roleBearingPrecision = 0.97
    static let roleBearingRecall = 0.95
    static let mentionedPrecision = 0.95
    static let mentionedRecall = 0.90
    static let peopleRecall = 1.0

    struct Entity: CustomStringConvertible {
        var text: String
        var name: String
        var role: String
        var span: SourceSpan
        var description: String { "\(role) “\(text)” @\(span.start) → \(name)" }
    }

    struct Score {
        var matched = 0
        var sameName = 0
        var predicted = 0
        var annotated = 0
        var precision: Double { predicted == 0 ? 1 : Double(matched) / Double(predicted) }
        var recall: Double { annotated == 0 ? 1 : Double(matched) / Double(annotated) }
        var line: String {
            "precision \(percent(precision)) (\(matched)/\(predicted)), recall \(percent(recall)) (\(matched)/\(annotated)), same name \(sameName)/\(matched)"
        }
    }

    static func convert(_ name: String) throws -> Document {
        try Pipeline().convert(path: Paths.fixture(name).path)
    }

    static func span(_ value: JSONValue) -> SourceSpan {
        SourceSpan(start: value["start"].int ?? 0, end: value["end"].int ?? 0)
    }

    /// Greedy one-to-one matching in document order.
    static func score(_ predicted: [Entity], _ annotated: [Entity]) -> Score {
        var score = Score(predicted: predicted.count, annotated: annotated.count)
        var taken = Set<Int>()
        var missed: [Entity] = []
        for truth in annotated {
            let candidates = predicted.indices.filter {
                !taken.contains($0) && predicted[$0].role == truth.role && predicted[$0].span.overlaps(truth.span)
            }
            if let index = candidates.first(where: { predicted[$0].name == truth.name }) ?? candidates.first {
                taken.insert(index)
                score.matched += 1
                if predicted[index].name == truth.name {
                    score.sameName += 1
                } else {
                    print("    name     \(truth) ≠ \(predicted[index].name)")
                }
            } else {
                missed.append(truth)
            }
        }
        for entity in missed { print("    missed   \(entity)") }
        for index in predicted.indices where !taken.contains(index) { print("    spurious \(predicted[index])") }
        return score
    }

    @Test(arguments: Paths.fixtureNames)
    func precisionAndRecall(_ name: String) throws {
        let document = try Self.convert(name)
        let expected = try JSONValue.load(Paths.expected(name, "units.json"))
        let predicted = document.units.map { Entity(text: $0.text, name: $0.name, role: $0.role.rawValue, span: $0.span) }
        let annotated = expected["units"].array.map {
            Entity(text: $0["text"].string ?? "", name: $0["name"].string ?? "", role: $0["role"].string ?? "", span: Self.span($0["span"]))
        }
        print("units \(name)")
        let roleBearing = Self.score(
            predicted.filter { $0.role != "mentioned" }, annotated.filter { $0.role != "mentioned" })
        print("  role-bearing: \(roleBearing.line)")
        let mentioned = Self.score(
            predicted.filter { $0.role == "mentioned" }, annotated.filter { $0.role == "mentioned" })
        print("  mentioned:    \(mentioned.line)")

        let predictedPeople = document.people.map {
            Entity(text: $0.name, name: $0.name, role: $0.role.rawValue, span: $0.span)
        }
        let annotatedPeople = expected["people"].array.map {
            Entity(text: $0["name"].string ?? "", name: $0["name"].string ?? "", role: $0["role"].string ?? "", span: Self.span($0["span"]))
        }
        var people = Self.score(predictedPeople, annotatedPeople)
        people.matched = people.sameName  // a person matches only with the same name
        people.sameName = people.matched
        print("  people:       \(people.line)")

        #expect(roleBearing.precision >= Self.roleBearingPrecision, "\(name): role-bearing precision \(percent(roleBearing.precision))")
        #expect(roleBearing.recall >= Self.roleBearingRecall, "\(name): role-bearing recall \(percent(roleBearing.recall))")
        #expect(mentioned.precision >= Self.mentionedPrecision, "\(name): mentioned precision \(percent(mentioned.precision))")
        #expect(mentioned.recall >= Self.mentionedRecall, "\(name): mentioned recall \(percent(mentioned.recall))")
        #expect(people.recall >= Self.peopleRecall, "\(name): people recall \(percent(people.recall))")
        #expect(people.precision >= Self.peopleRecall, "\(name): people precision \(percent(people.precision))")
    }

    /// 000: each of the 36 entries lists exactly its declarers (items.json ids), in order.
    @Test func everyEntryListsItsDeclarers() throws {
        let name = "000_3d5d8ca8c8e57802"
        let document = try Self.convert(name)
        let expected = try JSONValue.load(Paths.expected(name, "units.json"))
        func declarers(_ pairs: [(String?, String)]) -> [String: [String]] {
            Dictionary(grouping: pairs.filter { $0.0 != nil }, by: { $0.0! }).mapValues { $0.map(\.1) }
        }
        let found = declarers(document.units.filter { $0.role == .declarer }.map { ($0.item, $0.name) })
        let wanted = declarers(
            expected["units"].array.filter { $0["role"].string == "declarer" }.map { ($0["item"].string, $0["name"].string ?? "") })
        #expect(wanted.count == 36)
        for id in wanted.keys.sorted(by: { Int($0) ?? 0 < Int($1) ?? 0 }) {
            #expect(found[id] == wanted[id], "item \(id)")
        }
        #expect(Set(found.keys) == Set(wanted.keys))
    }

    /// 002: each of the eleven speeches has its speaker unit and speaker person.
    @Test func everySpeechHasItsSpeaker() throws {
        let name = "002_371d73eef9200ba5"
        let document = try Self.convert(name)
        let expected = try JSONValue.load(Paths.expected(name, "units.json"))
        let wantedUnits = expected["units"].array.filter { $0["role"].string == "speaker" }
        let wantedPeople = expected["people"].array.filter { $0["role"].string == "speaker" }
        #expect(wantedUnits.count == 11 && wantedPeople.count == 11)
        for unit in wantedUnits {
            let item = unit["item"].string
            let found = document.units.filter { $0.role == .speaker && $0.item == item }
            #expect(found.count == 1, "speech \(item ?? "-")")
            #expect(found.first?.name == unit["name"].string, "speech \(item ?? "-")")
            #expect(found.first?.span == Self.span(unit["span"]), "speech \(item ?? "-")")
        }
        for person in wantedPeople {
            let item = person["item"].string
            let found = document.people.filter { $0.role == .speaker && $0.item == item }
            #expect(found.count == 1, "speech \(item ?? "-")")
            #expect(found.first?.name == person["name"].string, "speech \(item ?? "-")")
            #expect(found.first?.position == person["position"].string, "speech \(item ?? "-")")
            #expect(found.first?.organisation == person["organisation"].string, "speech \(item ?? "-")")
            #expect(found.first?.span == Self.span(person["span"]), "speech \(item ?? "-")")
        }
    }
}

private func percent(_ value: Double) -> String {
    String(format: "%.1f%%", value * 100)
}
