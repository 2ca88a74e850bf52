import Foundation

/// Maps over inputs on `jobs` threads, results in input order (so outputs never depend on
/// scheduling). Each worker takes the next unclaimed input, so one large input does not hold
/// back the inputs that a fixed split would have given the same worker.
enum ParallelMap {
    static func run<T, R>(_ inputs: [T], jobs: Int, _ transform: (T) -> R) -> [R] {
        guard jobs > 1, inputs.count > 1 else { return inputs.map(transform) }
        var results = [R?](repeating: nil, count: inputs.count)
        var next = 0
        let lock = NSLock()
        withoutActuallyEscaping(transform) { transform in
            DispatchQueue.concurrentPerform(iterations: min(jobs, inputs.count)) { _ in
                while true {
                    lock.lock()
                    let index = next
                    next += 1
                    lock.unlock()
                    guard index < inputs.count else { return }
                    let result = transform(inputs[index])
                    lock.lock()
                    results[index] = result
                    lock.unlock()
                }
            }
        }
        return results.map { $0! }
    }
}
