import Foundation
import Testing
@testable import XieshangNode

/// The node's JSON writer and reader for loosely typed trees (query rows, projections, node.json).
@Suite("JSONText")
struct JSONTextTests {
    @Test("compact text sorts keys, escapes quotes, control characters and slashes, writes null and integers")
    func compact() {
        let missing: String? = nil
        let tree: [String: Any] = ["b": 1, "a": "x/\"y\"\n", "c": [true, false, JSONNull(), 2.5, 3.0] as [Any],
                                   "d": Int64(-7), "e": missing as Any, "f": ["z": "中文"] as [String: Any]]
        #expect(JSONText.compact(tree) == #"{"a":"x\/\"y\"\n","b":1,"c":[true,false,null,2.5,3],"d":-7,"e":null,"f":{"z":"中文"}}"#)
    }

    @Test("pretty text indents two spaces with \" : \" and leaves slashes alone")
    func pretty() {
        let tree: [String: Any] = ["path": "/srv/x", "list": [1, 2] as [Any], "empty": [Any](), "o": ["k": true] as [String: Any]]
        #expect(JSONText.pretty(tree) == """
            {
              "empty" : [],
              "list" : [
                1,
                2
              ],
              "o" : {
                "k" : true
              },
              "path" : "/srv/x"
            }
            """)
    }

    @Test("pretty text asFoundation is JSONSerialization's: empty arrays and objects at every depth, slashes escaped")
    func prettyAsFoundation() throws {
        let tree: [String: Any] = ["a": [Any](), "b": [String: Any](), "c": [["d": [Any](), "e": [String: Any](), "f": "x/y"] as [String: Any], [Any]()] as [Any],
                                   "g": 47.6, "h": 360.0, "i": Int64(-3), "j": UInt32(4), "k": true]
        let foundation = try JSONSerialization.data(withJSONObject: tree, options: [.prettyPrinted, .sortedKeys])
        #expect(JSONText.pretty(tree, asFoundation: true) == String(decoding: foundation, as: UTF8.self))
        #expect(JSONText.pretty([Any](), asFoundation: true) == String(decoding: try JSONSerialization.data(withJSONObject: [Any](), options: [.prettyPrinted]), as: UTF8.self))
    }

    @Test("a value JSON cannot hold (non-finite number, another type) makes the whole text nil")
    func refusesNonJSON() {
        #expect(JSONText.compact(["x": Double.nan] as [String: Any]) == nil)
        #expect(JSONText.compact([1, Character("c")] as [Any]) == nil)
    }

    @Test("parse reads back what compact wrote; integers stay integers; invalid text is nil")
    func roundTrip() throws {
        let text = #"{"a":[1,2.5,"s",null,true],"b":{"c":-3}}"#
        let tree = try #require(JSONText.parse(text))
        #expect(JSONText.compact(tree) == text)
        let object = try #require(tree as? [String: Any])
        #expect((object["b"] as? [String: Any])?["c"] as? Int == -3)
        #expect(JSONText.parse("{\"a\":") == nil)
    }
}
