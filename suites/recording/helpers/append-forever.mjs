// Child process for the kill -9 test: appends entries through the built writer until killed,
// printing the number of completed appends after each one.
const [writerModule, harPath] = process.argv.slice(2);
const { openHarWriter } = await import(writerModule);
const writer = openHarWriter(harPath, { creator: { name: 'kill-test', version: '1' } });
for (let i = 0; ; i += 1) {
  const size = (i * 7919) % 200_000;
  writer.append({
    startedDateTime: new Date().toISOString(),
    time: i,
    request: { method: 'GET', url: `http://127.0.0.1/item/${i}`, httpVersion: 'HTTP/1.1', cookies: [], headers: [], queryString: [], headersSize: -1, bodySize: 0 },
    response: {
      status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', cookies: [], headers: [],
      content: { size, mimeType: 'text/plain', text: 'y'.repeat(size) },
      redirectURL: '', headersSize: -1, bodySize: size,
    },
    cache: {},
    timings: { send: 0, wait: i, receive: 0 },
  });
  process.stdout.write(`${writer.count}\n`);
}
