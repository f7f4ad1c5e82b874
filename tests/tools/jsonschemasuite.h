// SPDX-License-Identifier: GPL-3.0-or-later
// The official JSON-Schema-Test-Suite (draft 7, the Debian package json-schema-test-suite) as
// rows of a Qt Test data table.
#pragma once

/// Adds the columns problem (QString), schema, instance (QJsonValue) and valid (bool), and one
/// row "file/group/case" per case of the suite's draft 7 files, except the listed skips. A row
/// with a problem must fail with it: the suite is missing (CI installs it with
/// script/bootstrap), a file cannot be read, or a skip names a case the suite does not have.
/// Says through qInfo() how many cases run and which are skipped, and why.
void addJsonSchemaSuiteRows();
