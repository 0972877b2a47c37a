// Balie end to end in real headless Chromium: the first beheerder, a desk user, enrolling a kiosk,
// a real kiosk process delivering over loopback, claim / failed call / follow-up / close, and
// afterwards no phone number in any file under Balie's data folder. Also: lock-out after wrong
// passwords, a form with a forged CSRF token, a desk user on a beheerder page, and XSS as text.
// browser_test.js BALIE BRUGPUNT OUTBOX_FILL [SHOTS_DIR]
const { chromium } = require('playwright-core');
const { spawn, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const [balie, brugpunt, outboxFill, shotsArg] = process.argv.slice(2);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'balie-browser-'));
const shots = shotsArg || path.join(tmp, 'shots');
fs.mkdirSync(shots, { recursive: true });
const dataDir = path.join(tmp, 'balie');
const kioskDir = path.join(tmp, 'kiosk');
fs.mkdirSync(kioskDir);
let passed = 0;

function check(cond, what) {
    if (!cond) throw new Error('FAIL: ' + what);
    passed++;
    console.log('ok: ' + what);
}

function freePort() {
    return new Promise((resolve) => {
        const s = net.createServer();
        s.listen(0, '127.0.0.1', () => {
            const port = s.address().port;
            s.close(() => resolve(port));
        });
    });
}

function run(cmd, args, input) {
    const r = spawnSync(cmd, args, { input, encoding: 'utf8', timeout: 120000 });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return r.stdout;
}

// Every file under dir, recursively, as one buffer.
function allBytes(dir) {
    let out = [];
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        out.push(e.isDirectory() ? allBytes(p) : fs.readFileSync(p));
    }
    return Buffer.concat(out);
}

async function logIn(page, base, user, password) {
    await page.goto(base + '/login');
    await page.fill('input[name=user]', user);
    await page.fill('input[name=password]', password);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
}

async function logOut(page) {
    await Promise.all([page.waitForNavigation(), page.click('nav form button')]);
}

(async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    run(balie, ['init-admin', '--data', dataDir, '--user', 'anna'], 'anna-wachtwoord-1\n');
    const serverLog = path.join(tmp, 'balie.log');
    // A 1-second sync interval, so a kiosk that stays silent turns red within the test.
    const server = spawn(balie, ['serve', '--data', dataDir, '--listen', `127.0.0.1:${port}`, '--sync-interval-s', '1'],
                         { stdio: ['ignore', 'pipe', fs.openSync(serverLog, 'w')] });
    await new Promise((resolve, reject) => {
        server.stdout.once('data', (d) => (String(d).includes('listening on') ? resolve() : reject(new Error(String(d)))));
        server.once('exit', (c) => reject(new Error('balie exited ' + c + ': ' + fs.readFileSync(serverLog, 'utf8'))));
    });
    const browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
               '--disable-component-update', '--disable-sync'],
    });
    try {
        const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'nl-BE' });
        const page = await context.newPage();
        const consoleErrors = [];
        // 4xx answers are expected here (refusals); a CSP violation would mean inline script or style.
        page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) consoleErrors.push(m.text()); });

        // The first beheerder makes a desk user and enrols the kiosk.
        await logIn(page, base, 'anna', 'anna-wachtwoord-1');
        check(page.url() === base + '/inbox', 'the beheerder lands in the inbox after logging in');
        const cookies = await context.cookies();
        const session = cookies.find((c) => c.name === 'balie_session');
        check(session && session.httpOnly && session.secure && session.sameSite === 'Strict',
              'the session cookie is HttpOnly, Secure and SameSite=Strict');
        await page.goto(base + '/users');
        await page.fill('#new-user input[name=name]', 'bart');
        await page.selectOption('#new-user select[name=role]', 'balie');
        await page.fill('#new-user input[name=password]', 'bart-wachtwoord-1');
        await Promise.all([page.waitForNavigation(), page.click('#new-user button')]);
        check((await page.textContent('#users')).includes('bart'), 'the beheerder creates desk user bart');
        await page.goto(base + '/kiosks');
        await page.fill('#enrol input[name=id]', 'test-kiosk');
        await Promise.all([page.waitForNavigation(), page.click('#enrol button')]);
        const lines = await page.textContent('#config-lines');
        check(lines.includes(`webhook_url = ${base}/api/kiosk/test-kiosk/requests`), 'enrolment shows the config lines');
        const secret = /webhook_secret = ([0-9a-f]+)/.exec(lines)[1];
        await page.fill('#enrol input[name=id]', 'sporthal-noord');  // enrolled, never heard from
        await Promise.all([page.waitForNavigation(), page.click('#enrol button')]);
        const enrolledAt = Date.now();
        const conf = path.join(kioskDir, 'kiosk.conf');
        fs.writeFileSync(conf, lines + `data_dir = ${kioskDir}\nconnect_timeout_s = 2\ntotal_timeout_s = 5\n`);

        // A real kiosk process delivers a request from its outbox over loopback.
        const filled = run(outboxFill, [path.join(kioskDir, 'outbox.db'), '0', '1']);
        const reference = filled.trim().split(' ')[2];
        const phone = '+32470000000';
        const delivered = run(brugpunt, ['--config', conf, '--deliver-once']);
        check(delivered.includes('delivered: 1'), 'the kiosk delivers its request to Balie');
        // And a request whose title is a script, signed like the kiosk signs (sync/delivery.cpp).
        const xssPhone = '+380671234567';  // a Ukrainian SIM, as the kiosk now takes
        const key = crypto.randomBytes(16).toString('hex');
        const body = JSON.stringify({
            version: 1, kind: 'appointment', kiosk_id: 'test-kiosk', idempotency_key: key, reference: 'XSS-777',
            created_ms: Date.now(), activities: [{ id: 'x', title: '<script>window.__xss = 1</script><b>vet</b>' }],
            general_question: false, children: [6], contact: { mode: 'phone', phone: xssPhone, whatsapp: true },
            language: 'tr', interpreter: false, day_parts: ['saturday'], help: ['trial', 'go_along'], consent: true,
        });
        const post = async (url, payload, extra) => {
            const ts = String(Math.floor(Date.now() / 1000));
            const sig = 'sha256=' + crypto.createHmac('sha256', secret).update(ts + '.' + payload).digest('hex');
            const r = await fetch(url, { method: 'POST', body: payload, headers: {
                'Content-Type': 'application/json', 'X-Brugpunt-Timestamp': ts, 'X-Brugpunt-Signature': sig, ...extra } });
            return r.status;
        };
        check(await post(`${base}/api/kiosk/test-kiosk/requests`, body, { 'Idempotency-Key': key }) === 201,
              'a signed request with a script in its title is stored (201)');
        // Someone waiting for registration to open, come back to the desk (stays open).
        const waitingPhone = '+32470555444';
        for (const [ref, ph] of [['INT-001', waitingPhone], ['INT-002', '+32470555333']]) {
            const k = crypto.randomBytes(16).toString('hex');
            const interest = JSON.stringify({
                version: 1, kind: 'interest', kiosk_id: 'test-kiosk', idempotency_key: k, reference: ref,
                created_ms: Date.now(), activities: [{ id: 'zwem', title: 'Zwemles (inschrijving opent in maart)' }],
                general_question: false, children: [8], contact: { mode: 'phone', phone: ph, whatsapp: false },
                language: 'uk', interpreter: true, day_parts: ['afternoon'], consent: true });
            check(await post(`${base}/api/kiosk/test-kiosk/requests`, interest, { 'Idempotency-Key': k }) === 201,
                  'an interest request is stored: ' + ref);
        }
        // The heartbeat exactly as sync::HeartbeatJson writes it, after the silent kiosk has gone red.
        await new Promise((r) => setTimeout(r, Math.max(0, enrolledAt + 2500 - Date.now())));
        const hb = JSON.stringify({ kiosk_id: 'test-kiosk', catalogue_version: 7, last_sync: '2026-12-02T09:00:00Z',
                                    outbox_depth: 0, uptime_s: 18000, last_error: '' });
        check(await post(`${base}/api/kiosk/test-kiosk/heartbeat`, hb, {}) === 204, 'a signed heartbeat is accepted (204)');
        check(await post(`${base}/api/kiosk/other/heartbeat`, hb, {}) === 401, 'an unknown kiosk gets 401');
        // Six weeks of what visitors looked for, as six weekly heartbeats would have brought it.
        const dayText = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
        for (let week = 5; week >= 0; week--) {
            const demand = {};
            for (let back = 6; back >= 0; back--) {
                const d = new Date(Date.now() - (week * 7 + back) * 86400000);
                const n = 3 + ((week * 7 + back) * 5) % 7;
                demand[dayText(d)] = {
                    sessions: n + 4, 'category:sport': n, 'category:zwemmen': 2, 'category:dans': 1 + week % 2,
                    'activity:voetbal-u8': n - 1, 'activity:zwemles-beginners': 2, 'filter:free': 2, 'filter:age': n,
                    'filter:girls': week % 3, 'language:ar': 1, 'language:uk': 2, 'language:ps': 1,
                    'empty:sport': back % 3 === 0 ? 2 : 0, 'empty:dans': 1, 'request:sport': 1, 'interest:zwemmen': back % 2 };
            }
            const beat = JSON.stringify({ kiosk_id: 'test-kiosk', catalogue_version: 7, last_sync: '2026-12-02T09:00:00Z',
                                          outbox_depth: 0, uptime_s: 18000, last_error: '', demand });
            check(await post(`${base}/api/kiosk/test-kiosk/heartbeat`, beat, {}) === 204, `a heartbeat with week -${week} of counts (204)`);
        }

        await page.goto(base + '/kiosks');
        check((await page.textContent('#fleet')).includes('test-kiosk'), 'the fleet page lists the kiosk');
        check(await page.isVisible('#fleet tr.late >> text=sporthal-noord'), 'a kiosk silent for 2 sync intervals is red');
        check(!(await page.isVisible('#fleet tr.late >> text=test-kiosk')), 'the kiosk that just sent a heartbeat is not');
        await page.screenshot({ path: path.join(shots, 'fleet.png'), fullPage: true });
        await logOut(page);

        // The desk user works the request.
        await logIn(page, base, 'bart', 'bart-wachtwoord-1');
        const inbox = await page.textContent('#inbox');
        check(inbox.includes(reference) && inbox.includes(phone), 'bart sees the delivered request with its number');
        check((await page.textContent('#count-new')).trim() === '4', 'the nav counts 4 new requests');
        check((await page.textContent('main')).includes('Zwemles (inschrijving opent in maart) 2'),
              'interest requests are grouped per activity, with their count');
        check(await page.evaluate(() => window.__xss) === undefined, 'the script in a title does not run in the inbox');
        check(inbox.includes('<script>window.__xss = 1</script><b>vet</b>'), 'the script in a title is shown as text');
        check(inbox.includes('testmoment regelen') && inbox.includes('+380'),
              'the help a family asked for and a foreign number are in the inbox');
        await page.screenshot({ path: path.join(shots, 'inbox.png'), fullPage: true });

        await page.goto(base + '/vraag');
        check((await page.textContent('#demand-empty')).includes('dans'), 'what visitors look for lists the empty lists');
        check(await page.locator('svg.chart rect').count() === 36, 'three charts of twelve weekly bars');
        await page.screenshot({ path: path.join(shots, 'vraag.png'), fullPage: true });

        const role = await page.goto(base + '/kiosks');
        check(role.status() === 403, 'a desk user is refused the beheerder page (403)');

        await page.goto(base + '/inbox');
        await Promise.all([page.waitForNavigation(), page.click(`text=${reference}`)]);
        const requestUrl = page.url();
        await Promise.all([page.waitForNavigation(), page.click('#claim')]);
        check((await page.textContent('#status')).includes('opgenomen door bart'), 'bart claims it');
        await Promise.all([page.waitForNavigation(), page.click('#attempt')]);
        check((await page.textContent('#attempts')).trim() === '1', '"gebeld, geen antwoord" counts 1');
        await page.fill('#update input[name=follow_up]', '2027-01-15');
        await page.fill('#update textarea[name=note]', 'belt na 18u terug');
        await page.selectOption('#update select[name=outcome]', 'testmoment');
        await Promise.all([page.waitForNavigation(), page.click('#save')]);
        check((await page.textContent('#follow-up')).trim() === '2027-01-15', 'a follow-up date is planned');
        await page.screenshot({ path: path.join(shots, 'request.png'), fullPage: true });

        // A form whose CSRF token was tampered with is refused.
        await page.evaluate(() => { document.querySelector('#update input[name=csrf]').value = 'f'.repeat(64); });
        const [forged] = await Promise.all([page.waitForNavigation(), page.click('#save')]);
        check(forged.status() === 403, 'a form with a forged CSRF token is refused (403)');

        await page.goto(requestUrl);
        await page.selectOption('#close select[name=outcome]', 'ingeschreven');
        await Promise.all([page.waitForNavigation(), page.click('#close-button')]);
        check((await page.textContent('#contact')).trim() === 'gewist', 'closing shows the contact as erased');
        await page.goto(base + '/inbox');
        await Promise.all([page.waitForNavigation(), page.click('text=XSS-777')]);
        check(await page.evaluate(() => window.__xss) === undefined, 'the script does not run on the request page');
        check((await page.textContent('#about')).includes('<script>'), 'the request page shows the script as text');
        await page.selectOption('#close select[name=outcome]', 'geen-interesse');
        await Promise.all([page.waitForNavigation(), page.click('#close-button')]);
        await page.goto(base + '/inbox?state=closed');
        const closed = await page.textContent('#closed');
        check(closed.includes(reference) && closed.includes('ingeschreven'), 'the closed list keeps the anonymous rest');
        await logOut(page);

        const bytes = allBytes(dataDir);
        check(bytes.length > 0 && bytes.includes('test-kiosk'), 'the data folder holds the database');
        check(bytes.includes(waitingPhone), 'the number of a request still open is in the files (the check can see one)');
        check(!bytes.includes(phone) && !bytes.includes(xssPhone),
              'the numbers of the closed requests are in no file under the data folder');
        check(!bytes.includes('belt na 18u terug'), 'nor the note');
        const log = fs.readFileSync(serverLog, 'utf8');
        check(!/\+32\d|04\d\d/.test(log), 'the server log holds no phone number');

        // Five wrong passwords lock the account, and the right one is refused after that.
        for (let i = 0; i < 5; i++) await logIn(page, base, 'bart', 'fout-' + i);
        await logIn(page, base, 'bart', 'bart-wachtwoord-1');
        check(page.url() === base + '/login' && (await page.textContent('#login-error')).includes('vergrendeld'),
              'after five wrong passwords the account is locked');
        check(consoleErrors.length === 0, 'no Content-Security-Policy violations: ' + consoleErrors.join(' | '));
        console.log(`browser test: ${passed} checks passed; screenshots in ${shots}`);
    } finally {
        await browser.close();
        server.kill('SIGTERM');
    }
})().catch((e) => {
    console.error(e.message || e);
    process.exit(1);
});
