import Testing
import PromQL

/// Compares with answers captured from Prometheus 2.42 (`Prometheus242Cases`).
@Suite struct Prometheus242Tests {
    @Test(arguments: Prometheus242Cases.all)
    func sameAnswerAsPrometheus(query: String, expected: String) {
        let answer: String
        do {
            answer = try Parser.parse(query).description
        } catch {
            answer = "ERR \(error)"
        }
        #expect(answer == expected, "\(query)")
    }
}
