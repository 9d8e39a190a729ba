import * as React from "react";
import { Button, Field, Select, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { parseTemplateJson, templateKey } from "../../../core/qa";
import type { ReviewStore, TemplateSet } from "../../storage/reviewStore";
import { Messages } from "./Messages";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  alert: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  json: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  full: { width: "100%", minWidth: 0, boxSizing: "border-box" },
});

/**
 * Checklist templates: choose the one new reviews use, export one as JSON to
 * edit, and import an edited version (validated; a new version number is needed
 * so reviews already scored keep the version they were scored against).
 */
export function TemplatesView({ store, set, onChanged }: { store: ReviewStore; set: TemplateSet; onChanged: () => void }): React.JSX.Element {
  const styles = useStyles();
  const [selected, setSelected] = React.useState(set.activeKey);
  const [importText, setImportText] = React.useState("");
  const [status, setStatus] = React.useState("");
  const [alert, setAlert] = React.useState("");
  const entry = set.entries.find((e) => templateKey(e.template) === selected) ?? set.entries[0];
  const exportJson = JSON.stringify(entry.template, null, 2);

  async function use() {
    try {
      await store.setActiveTemplate(selected);
      setAlert("");
      setStatus(`New reviews will use ${entry.template.title} (version ${entry.template.version}).`);
      onChanged();
    } catch (e) {
      setAlert(e instanceof Error ? e.message : String(e));
    }
  }

  async function doImport() {
    setStatus("");
    try {
      const t = parseTemplateJson(importText);
      await store.saveTemplate(t);
      setAlert("");
      setStatus(`Imported ${t.title} (${templateKey(t)}) into this workbook.`);
      setImportText("");
      onChanged();
    } catch (e) {
      setAlert(`Not imported: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return (
    <section className={styles.root} aria-labelledby="templates-title">
      <h2 id="templates-title">Checklist templates</h2>
      {set.problems.length > 0 && (
        <div role="alert" className={styles.alert}>
          <ul>
            {set.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <Field label="Template">
        <Select className={styles.full} id="template-select" value={selected} onChange={(_, d) => setSelected(d.value)}>
          {set.entries.map((e) => (
            <option key={templateKey(e.template)} value={templateKey(e.template)}>
              {e.template.title} v{e.template.version} ({e.source}){templateKey(e.template) === set.activeKey ? " – in use" : ""}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Button onClick={() => void use()} disabled={selected === set.activeKey}>
          Use for new reviews
        </Button>
      </div>
      <Field label="Export (copy this JSON to edit it; give your edit a new version number)">
        <Textarea id="template-export" textarea={{ className: styles.json }} readOnly value={exportJson} rows={6} />
      </Field>
      <Field label="Import a template (paste JSON)">
        <Textarea id="template-import" textarea={{ className: styles.json }} value={importText} onChange={(_, d) => setImportText(d.value)} rows={6} />
      </Field>
      <div className={styles.row}>
        <Button onClick={() => void doImport()} disabled={!importText.trim()}>
          Import template
        </Button>
      </div>
      <Messages status={status} alert={alert} />
    </section>
  );
}
