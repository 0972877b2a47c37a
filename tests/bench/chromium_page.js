// The peer: headless Chromium opening the exported page, as a browser kiosk would. Prints one JSON
// line of times (ms from just before launch), then stays open for idle_s seconds so the caller can
// measure its idle CPU.
const { chromium } = require('playwright-core');

(async () => {
    const [page_path, shot_path, idle_s] = process.argv.slice(2);
    const t0 = performance.now();
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    const launched = performance.now();
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const go = performance.now();
    await page.goto('file://' + page_path, { waitUntil: 'load' });
    const loaded = performance.now();
    // A small page can be loaded before its first paint is recorded: wait for it (5 s at most).
    const fcp = await page.evaluate(() => new Promise((resolve) => {
        new PerformanceObserver((list) => {
            const e = list.getEntriesByName('first-contentful-paint')[0];
            if (e) resolve(e.startTime);
        }).observe({ type: 'paint', buffered: true });
        setTimeout(() => resolve(null), 5000);
    }));
    await page.screenshot({ path: shot_path });
    const shot = performance.now();
    console.log(JSON.stringify({
        launch_ms: launched - t0,
        first_paint_ms: fcp === null ? null : go - t0 + fcp,
        load_ms: loaded - t0,
        screenshot_ms: shot - t0,
        pid: browser.process ? null : null,
    }));
    await new Promise((r) => setTimeout(r, Number(idle_s) * 1000));
    console.log('idle done');
    await browser.close();
})().catch((e) => {
    console.error(e);
    process.exit(1);
});
