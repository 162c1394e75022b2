/** A step's title and what it does, at the top of its view (the section is labelled by this heading). */
export function StepHeading({ step }: { step: { title: string; summary: string } }): React.JSX.Element {
  return (
    <div>
      <h2 id="step-heading">{step.title}</h2>
      <p className="summary">{step.summary}</p>
    </div>
  );
}
