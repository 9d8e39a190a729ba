import * as React from "react";
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { buildOneToOneSheet, monthlySummary, reviewsInMonth, type QaTemplate, type SavedReview } from "../../../core/qa";
import type { ReviewStore, TeamInfo } from "../../storage/reviewStore";
import { useDateFormat } from "../dates";
import { todayIso } from "../ids";
import { Messages } from "./Messages";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": { textAlign: "left", padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, verticalAlign: "top" },
    "& caption": { textAlign: "left", fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  },
  officer: { overflowWrap: "anywhere", fontWeight: tokens.fontWeightSemibold },
  action: { display: "flex", marginTop: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightRegular },
  below: { backgroundColor: tokens.colorPaletteRedBackground1 },
  belowText: { display: "block", color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** Props of the summary view. */
export interface SummaryViewProps {
  store: ReviewStore;
  team: TeamInfo;
  templates: QaTemplate[];
  reviews: SavedReview[];
  onTargetChanged: () => void;
}

function signed(n: number | null): string {
  if (n === null) return "–";
  return n > 0 ? `+${n}` : String(n);
}

/**
 * The month's QA picture per officer: calls reviewed against target (officers
 * below target are marked in words, not colour alone), average score, critical
 * fails and change from last month, with a one-to-one sheet per officer. Five
 * narrow columns, so the table fits a 320 px pane without scrolling sideways.
 */
export function SummaryView({ store, team, templates, reviews, onTargetChanged }: SummaryViewProps): React.JSX.Element {
  const styles = useStyles();
  const dates = useDateFormat();
  const [month, setMonth] = React.useState(todayIso().slice(0, 7));
  const [target, setTarget] = React.useState(String(team.teamTarget));
  const [status, setStatus] = React.useState("");
  const [alert, setAlert] = React.useState("");
  const validMonth = /^\d{4}-\d{2}$/.test(month);
  const rows = validMonth ? monthlySummary(reviews, team.members, month, team.teamTarget) : [];

  async function saveTarget() {
    const n = Number(target);
    if (!Number.isInteger(n) || n < 0 || n > 100) {
      setAlert("The target must be a whole number of calls from 0 to 100.");
      return;
    }
    try {
      await store.setTeamTarget(n);
      setAlert("");
      setStatus(`Monthly target set to ${n} calls per officer.`);
      onTargetChanged();
    } catch (e) {
      setAlert(e instanceof Error ? e.message : String(e));
    }
  }

  async function oneToOne(officer: string) {
    setStatus("");
    setAlert("");
    try {
      const kpis = await store.loadKpis(officer, month);
      const grid = buildOneToOneSheet({ officer, month, reviews: reviewsInMonth(reviews, month, officer), templates, kpis });
      const name = await store.writeSheet(grid);
      setStatus(`Wrote the one-to-one sheet "${name}".`);
    } catch (e) {
      setAlert(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <section className={styles.root} aria-labelledby="summary-title">
      <h2 id="summary-title">Monthly summary</h2>
      <div className={styles.row}>
        <Field label="Month">
          <Input id="summary-month" type="month" placeholder="yyyy-mm" value={month} onChange={(_, d) => setMonth(d.value)} />
        </Field>
        <Field label="Target calls per officer a month">
          <Input id="team-target" type="number" min={0} max={100} value={target} onChange={(_, d) => setTarget(d.value)} style={{ width: "6em" }} />
        </Field>
        <Button onClick={() => void saveTarget()}>Save target</Button>
      </div>
      <Messages status={status} alert={alert} />
      {validMonth && (
        <table className={styles.table} id="summary-table">
          <caption>Call reviews, {dates.month(month)}</caption>
          <thead>
            <tr>
              <th scope="col">Officer</th>
              <th scope="col">Reviewed</th>
              <th scope="col">Average score</th>
              <th scope="col">Critical fails</th>
              <th scope="col">vs last month</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={5}>No team list and no reviews for this month.</td>
              </tr>
            )}
            {rows.map((r) => (
              <tr key={r.officer} className={r.belowTarget ? styles.below : undefined} data-below-target={r.belowTarget}>
                <th scope="row" className={styles.officer}>
                  {r.officer}
                  {r.notInTeamList && " (not in team list)"}
                  {/* Under the name, not in a column of its own: a sixth column pushed it off a 320 px pane. */}
                  <Button className={styles.action} size="small" type="button" onClick={() => void oneToOne(r.officer)} aria-label={`Write 1-2-1 sheet for ${r.officer}`}>
                    Write 1-2-1 sheet
                  </Button>
                </th>
                <td>
                  {r.reviewed} of {r.target}
                  {r.belowTarget && <span className={styles.belowText}>Below target</span>}
                </td>
                <td>{r.averageScore ?? "–"}</td>
                <td>{r.criticalFails}</td>
                <td>{signed(r.change)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
