// Validates bpmn/element-templates/*.json against Camunda Modeler's element-template JSON schema
// (npm package @camunda/element-templates-json-schema). Exits non-zero on any invalid template.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(join(process.cwd(), 'target', 'element-template-check', 'package.json'));
const Ajv = require('ajv');
const addFormats = require('ajv-formats');
const schema = require('@camunda/element-templates-json-schema/resources/schema.json');

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
const dir = 'bpmn/element-templates';
let failed = false;
for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
  const templates = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  if (validate(templates)) {
    console.log(`OK   ${file}`);
  } else {
    failed = true;
    console.log(`FAIL ${file}`);
    for (const error of validate.errors) {
      console.log(`     ${error.instancePath} ${error.message}`);
    }
  }
}
process.exit(failed ? 1 : 0);
