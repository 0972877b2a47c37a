// Tests the worker-thread skeleton: wake, timeout, stop and join, with a pass that only counts.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>

#include "sync/worker_thread.h"

using namespace brugpunt;
using namespace std::chrono_literals;

namespace {

// Counts passes and lets the test wait for a given count without sleeping blindly.
struct PassCounter {
    std::mutex mutex;
    std::condition_variable cv;
    int passes = 0;

    sync::WorkerThread::Pass Counting(std::chrono::milliseconds wait) {
        return [this, wait] {
            std::lock_guard lock(mutex);
            ++passes;
            cv.notify_all();
            return wait;
        };
    }
    bool WaitFor(int n, std::chrono::milliseconds limit) {
        std::unique_lock lock(mutex);
        return cv.wait_for(lock, limit, [&] { return passes >= n; });
    }
    int Passes() {
        std::lock_guard lock(mutex);
        return passes;
    }
};

constexpr auto kForever = std::chrono::milliseconds(std::chrono::hours(1));

}  // namespace

TEST_CASE("A worker thread runs a pass on start, then one per wake, promptly") {
    PassCounter counter;
    sync::WorkerThread worker([&] { return counter.Counting(kForever); });
    worker.Start();
    REQUIRE(counter.WaitFor(1, 5s));
    auto woken = std::chrono::steady_clock::now();
    worker.Wake();
    REQUIRE(counter.WaitFor(2, 5s));
    // The pass asked for an hour's wait; only the wake can explain a second pass this soon.
    CHECK(std::chrono::steady_clock::now() - woken < 2s);
    worker.Wake();
    REQUIRE(counter.WaitFor(3, 5s));
    worker.Stop();
    worker.Join();
    CHECK(counter.Passes() == 3);
}

TEST_CASE("A worker thread runs the next pass when the wait a pass asked for runs out") {
    PassCounter counter;
    sync::WorkerThread worker([&] { return counter.Counting(10ms); });
    worker.Start();
    CHECK(counter.WaitFor(5, 5s));
}

TEST_CASE("Stop ends a long wait promptly, and no pass runs after it") {
    PassCounter counter;
    sync::WorkerThread worker([&] { return counter.Counting(kForever); });
    worker.Start();
    REQUIRE(counter.WaitFor(1, 5s));
    auto stopped = std::chrono::steady_clock::now();
    worker.Stop();
    worker.Join();
    CHECK(std::chrono::steady_clock::now() - stopped < 2s);
    worker.Wake();  // too late: the thread is gone and nothing runs it
    std::this_thread::sleep_for(50ms);
    CHECK(counter.Passes() == 1);
}

TEST_CASE("A wake during a pass is kept for the next pass") {
    std::atomic<bool> in_pass{false}, release{false};
    PassCounter counter;
    sync::WorkerThread worker([&]() -> sync::WorkerThread::Pass {
        auto count = counter.Counting(kForever);
        return [&, count] {
            if (counter.Passes() == 0) {
                in_pass = true;
                while (!release) std::this_thread::sleep_for(1ms);
            }
            return count();
        };
    });
    worker.Start();
    while (!in_pass) std::this_thread::sleep_for(1ms);
    worker.Wake();  // lands while the first pass is still running
    release = true;
    CHECK(counter.WaitFor(2, 5s));
}

TEST_CASE("A pass running when Stop comes finishes, and none starts after it") {
    std::atomic<bool> in_pass{false}, release{false};
    PassCounter counter;
    sync::WorkerThread worker([&]() -> sync::WorkerThread::Pass {
        auto count = counter.Counting(0ms);  // would run again at once if not stopped
        return [&, count] {
            in_pass = true;
            while (!release) std::this_thread::sleep_for(1ms);
            return count();
        };
    });
    worker.Start();
    while (!in_pass) std::this_thread::sleep_for(1ms);
    worker.Stop();
    release = true;
    worker.Join();
    CHECK(counter.Passes() == 1);
}

TEST_CASE("Stop before the thread gets going: no preparation and no pass") {
    bool prepared = false;
    PassCounter counter;
    sync::WorkerThread worker([&] {
        prepared = true;
        return counter.Counting(0ms);
    });
    worker.Stop();
    worker.Start();
    worker.Join();
    CHECK_FALSE(prepared);
    CHECK(counter.Passes() == 0);
}

TEST_CASE("An empty pass from preparation ends the thread, and join returns") {
    int prepared = 0;
    sync::WorkerThread worker([&] {
        ++prepared;
        return sync::WorkerThread::Pass{};
    });
    worker.Start();
    worker.Join();  // would hang if the thread waited for work it cannot do
    CHECK(prepared == 1);
}

TEST_CASE("Destroying a started worker stops and joins it") {
    PassCounter counter;
    auto started = std::chrono::steady_clock::now();
    {
        sync::WorkerThread worker([&] { return counter.Counting(kForever); });
        worker.Start();
        REQUIRE(counter.WaitFor(1, 5s));
    }
    CHECK(std::chrono::steady_clock::now() - started < 2s);
    CHECK(counter.Passes() == 1);
}

TEST_CASE(
    "A background worker runs at the lowest priority, idle class, and a normal one keeps the process's") {
    errno = 0;
    int process_nice = getpriority(PRIO_PROCESS, 0);
    REQUIRE(errno == 0);
    int process_policy = sched_getscheduler(0);
    struct Seen {
        int nice;
        int policy;
    };
    auto seen_in = [](sync::WorkerThread::Priority priority) {
        std::promise<Seen> seen;
        auto answer = seen.get_future();
        sync::WorkerThread worker(
            [&]() -> sync::WorkerThread::Pass {
                seen.set_value(
                    {getpriority(PRIO_PROCESS, static_cast<id_t>(gettid())), sched_getscheduler(0)});
                return {};  // no passes: the thread ends after Prepare
            },
            priority);
        worker.Start();
        REQUIRE(answer.wait_for(5s) == std::future_status::ready);
        return answer.get();
    };
    Seen background = seen_in(sync::WorkerThread::Priority::kBackground);
    CHECK(background.nice == 19);
    // The idle class: any runnable frame or renderer thread takes the core from it at once.
    CHECK(background.policy == SCHED_IDLE);
    Seen normal = seen_in(sync::WorkerThread::Priority::kNormal);
    CHECK(normal.nice == process_nice);
    CHECK(normal.policy == process_policy);
    // The thread that started them is untouched.
    CHECK(getpriority(PRIO_PROCESS, static_cast<id_t>(gettid())) == process_nice);
    CHECK(sched_getscheduler(0) == process_policy);
}
