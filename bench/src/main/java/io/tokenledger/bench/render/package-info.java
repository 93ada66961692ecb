/**
 * Render time of the dashboard's heaviest pages (overview, tenant page, drill-down) at the benchmark's data size:
 * {@link io.tokenledger.bench.render.RenderData} loads synthetic usage ending today through the real pipeline,
 * the service runs from its jar on that database, and {@link io.tokenledger.bench.render.RenderTimes} times the
 * pages over HTTP on 127.0.0.1 as a signed-in admin. Run with {@code bench/render}.
 */
package io.tokenledger.bench.render;
