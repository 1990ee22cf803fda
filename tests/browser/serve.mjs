// A static file server for built sites, on 127.0.0.1 only, like a plain
// web host: `/dir/` serves `dir/index.html`, `/dir` redirects to `/dir/`,
// a missing file gets the site's `404.html` with status 404. Never serves
// outside its folder. Used by the browser tests only.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
};

/** Serves `dir`; resolves to `{ url, close }` once listening. */
export function serve(dir) {
  const root = fs.realpathSync(dir);
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = path.join(root, pathname);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    let target = pathname.endsWith("/") ? path.join(file, "index.html") : file;
    let stat = fs.statSync(target, { throwIfNoEntry: false });
    if (stat && stat.isDirectory()) {
      res.writeHead(301, { Location: pathname + "/" }).end();
      return;
    }
    let status = 200;
    if (!stat) {
      status = 404;
      target = path.join(root, "404.html");
      stat = fs.statSync(target, { throwIfNoEntry: false });
      if (!stat) {
        res.writeHead(404).end();
        return;
      }
    }
    const type = TYPES[path.extname(target).toLowerCase()] || "application/octet-stream";
    res.writeHead(status, { "Content-Type": type, "Content-Length": stat.size });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    fs.createReadStream(target).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
