// Mocha loads a reporter by path and wants the constructor as the module's export.
module.exports = require('../../out/test/support/summaryReporter.js').SummaryReporter;
