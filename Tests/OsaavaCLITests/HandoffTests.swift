import Foundation
import Testing

@testable import OsaavaCLI

/// The queue between the thread that reads an import's file and the one that writes it.
@Suite struct HandoffTests {
    @Test func everyItemArrivesOnceInOrderThoughTheQueueIsSmall() throws {
        // Given a producer of 10,000 numbers through a queue of 4, and a consumer that is slower
        let handoff = Handoff<Int>(capacity: 4)
        let producer = WorkerThread { () -> Int in
            defer { handoff.close() }
            var put = 0
            for number in 0..<10_000 where handoff.put(number) { put += 1 }
            return put
        }
        var taken: [Int] = []
        while let number = handoff.take() {
            if number % 1_000 == 0 { usleep(1_000) }
            taken.append(number)
        }

        // Then the consumer took each number once, in order, and the producer put them all
        #expect(taken == Array(0..<10_000))
        #expect(try producer.join() == 10_000)
    }

    @Test func aCancellingConsumerStopsTheProducer() throws {
        // Given a producer that would put a million items through a queue of 8
        let handoff = Handoff<Int>(capacity: 8)
        let producer = WorkerThread { () -> Int in
            defer { handoff.close() }
            var put = 0
            for number in 0..<1_000_000 {
                guard handoff.put(number) else { throw CancellationError() }
                put += 1
            }
            return put
        }

        // When the consumer takes ten and gives up (as the writer does when the database fails)
        for _ in 0..<10 { _ = handoff.take() }
        handoff.cancel()

        // Then the producer stops with an error instead of waiting forever, and nothing more is taken
        #expect(throws: CancellationError.self) { try producer.join() }
        #expect(handoff.take() == nil)
    }

    @Test func aFailingProducerHandsItsErrorToJoin() throws {
        // Given a producer that puts two items and then fails (an unreadable file)
        struct ReadFailed: Error {}
        let handoff = Handoff<String>(capacity: 2)
        let producer = WorkerThread { () -> Void in
            defer { handoff.close() }
            _ = handoff.put("a")
            _ = handoff.put("b")
            throw ReadFailed()
        }

        // Then the consumer receives what was put, then the end, and join rethrows the error
        var taken: [String] = []
        while let item = handoff.take() { taken.append(item) }
        #expect(taken == ["a", "b"])
        #expect(throws: ReadFailed.self) { try producer.join() }
    }
}
