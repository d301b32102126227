/**
 * The benchmark of the agent executor: the same local upstream is called directly and through
 * OpsTower (latency and throughput at concurrency 1 and 32), then 50 calls at once receive a 100 MB
 * body while the server's used heap is sampled. Started by {@code bench/run.sh}; never part of the
 * test build.
 */
package com.opstower.bench;
