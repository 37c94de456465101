import Foundation

/// A bounded queue from one thread that produces items to one that consumes them: the producer
/// waits while it is full, the consumer while it is empty. Bounded, so that a fast reader never
/// holds more than `capacity` items ahead of a slow writer. A waiting producer is woken only once
/// the queue is half empty, so that the two threads do not take turns item by item (a wake-up
/// costs microseconds).
final class Handoff<Item: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    /// A ring: `count` items from `head` on, wrapping around.
    private var ring: [Item?]
    private var head = 0
    private var count = 0
    private var closed = false
    private var cancelled = false
    private var producerWaits = false
    private var consumerWaits = false

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        ring = Array(repeating: nil, count: self.capacity)
    }

    /// Hands `item` over, waiting for room; false when the consumer has cancelled (stop producing).
    func put(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while count == capacity && !cancelled {
            producerWaits = true
            condition.wait()
        }
        guard !cancelled else { return false }
        ring[(head + count) % capacity] = item
        count += 1
        if consumerWaits {
            consumerWaits = false
            condition.broadcast()
        }
        return true
    }

    /// The next item, waiting for one; nil once the producer has closed and all are taken.
    func take() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while count == 0 && !closed && !cancelled {
            consumerWaits = true
            condition.wait()
        }
        guard count > 0, !cancelled, let item = ring[head] else { return nil }
        ring[head] = nil
        head = (head + 1) % capacity
        count -= 1
        if producerWaits && count <= capacity / 2 {
            producerWaits = false
            condition.broadcast()
        }
        return item
    }

    /// The producer is done: `take` returns what is left, then nil.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Whether the consumer has given up: a producer with nothing to put asks this between pieces.
    var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    /// The consumer gives up: `put` returns false from now on, and nothing more is taken.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}

/// Work run on a thread of its own, its result collected with `join`.
///
/// Unchecked Sendable: `body` and `result` are used by the new thread only until `join` returns
/// (the semaphore orders everything the thread did before what the caller does after). What
/// `body` captures must not be used by the caller meanwhile, unless it locks (as `Handoff` does).
final class WorkerThread<Value>: @unchecked Sendable {
    private let body: () throws -> Value
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?

    init(_ body: @escaping () throws -> Value) {
        self.body = body
        let thread = Thread { [self] in
            result = Result(catching: self.body)
            done.signal()
        }
        // As large as the main thread's: the reader's frames may hold sizeable values.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the thread to finish; its value, or the error it threw.
    func join() throws -> Value {
        done.wait()
        done.signal()  // a second join returns at once
        guard let result else { preconditionFailure("the worker signalled without a result") }
        return try result.get()
    }
}
