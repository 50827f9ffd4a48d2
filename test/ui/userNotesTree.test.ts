import { strict as assert } from 'node:assert';
import { describeWorkbench } from './describeWorkbench';
import { readerFrame, topicsTree, topicsTreeRows } from './workbenchParts';

const kafka = `---
id: kafka
title: Kafka basics
tags: [mine]
icon: note
order: 1
---

Partitions and consumer groups.

## Interview questions {#questions}

### What is a consumer group? {#q-group}

Consumers sharing the partitions of a topic.
`;

const extraFiles = { '.interview-notes/kafka.md': kafka, '.interview-notes/broken.md': 'no front matter\n' };

describeWorkbench('your own notes in the real workbench', { timeout: 180_000, extraFiles }, (workbench) => {
  it('groups the tree by source, with a warning item for the broken file, and opens the user note', async () => {
    const { page } = workbench();
    const rows = await topicsTreeRows(page, 'Kafka basics');
    const tree = topicsTree(page);
    assert.ok(rows.some((row) => row.includes('Bundled')), `a Bundled group: ${rows.join(' | ')}`);
    assert.ok(rows.some((row) => row.includes('Workspace: workspace')), `a Workspace group: ${rows.join(' | ')}`);
    const broken = tree.locator('.monaco-list-row', { hasText: 'broken.md' }).first();
    assert.match(await broken.innerText(), /missing front matter/);
    assert.equal(await broken.locator('.codicon-warning').count(), 1, 'a warning icon');

    await tree.locator('.monaco-list-row', { hasText: 'Kafka basics' }).first().click();
    await readerFrame(page).locator('h1.note-title', { hasText: 'Kafka basics' }).waitFor({ timeout: 30_000 });
  });
});
