// Builds digital_services/static/govuk from the pinned govuk-frontend package:
// compiles our Sass entry with Dart Sass (so asset URLs resolve under our
// static path), copies fonts, images and the ES module bundle, and writes
// VERSION so a test can check the output matches the package.json pin.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const pkg = join(root, "node_modules", "govuk-frontend");
const out = join(root, "digital_services", "static", "govuk");

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const result = sass.compile(join(root, "digital_services", "frontend", "main.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
});
writeFileSync(join(out, "govuk.css"), result.css);

cpSync(join(pkg, "dist", "govuk", "assets"), join(out, "assets"), { recursive: true });
cpSync(join(pkg, "dist", "govuk", "govuk-frontend.min.js"), join(out, "govuk-frontend.min.js"));
const version = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).version;
writeFileSync(join(out, "VERSION"), version + "\n");

const axe = join(root, "node_modules", "axe-core", "axe.min.js");
mkdirSync(join(root, "tests", "browser", "vendor"), { recursive: true });
cpSync(axe, join(root, "tests", "browser", "vendor", "axe.min.js"));
console.log(`govuk-frontend ${version} built into ${out}`);
