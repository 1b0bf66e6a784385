// n8n reads the package.json "n8n" field to find nodes and credentials; this entry point exists for tooling only.
module.exports = {};
