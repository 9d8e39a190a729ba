import { scoreSentence } from "../../../addin/taskpane/components/ScoreBar";
import { scoreReview } from "../../../core/qa/scoring";
import { responses, smallTemplate } from "../../core/qa/fixtures";

// What the polite live region says as the reviewer answers: the whole state in one sentence.
describe("scoreSentence", () => {
  const t = smallTemplate();

  it("says there is no score before anything applicable is answered", () => {
    expect(scoreSentence(scoreReview(t, {}))).toBe("No score yet. 0 of 4 answered.");
  });

  it("calls the score provisional until every criterion is answered (N/A counts as answered)", () => {
    // c2 met alone: 100 on what is answered so far, with three criteria to go.
    expect(scoreSentence(scoreReview(t, responses({ c2: "met" })))).toBe("Provisional score 100, Excellent so far. 1 of 4 answered.");
  });

  it("gives score, grade and progress", () => {
    expect(scoreSentence(scoreReview(t, responses({ c1: "na", c2: "met", c3: "partly", c4: "met" })))).toBe("Score 90.9, Excellent. 4 of 4 answered.");
  });

  it("names the critical failures and the score before them", () => {
    expect(scoreSentence(scoreReview(t, responses({ c1: "met", c2: "notMet", c3: "met", c4: "met!" })))).toBe(
      "Score 0, Critical fail. 4 of 4 answered. Critical fail: c2, c4. Score before the critical fail 64.3.",
    );
  });
});
