import type { GlobalSummary } from '../../../src/api/jira-native';
import { formatKpi } from '../../shared/dashboard/format';

/** One row per incident project: the figures that depend on the project's own settings stay per project. */
export function ProjectsTable({ summary }: { summary: GlobalSummary }) {
  return (
    <section className="card" aria-labelledby="projects-heading">
      <div className="card-header">
        <h2 id="projects-heading">Projects</h2>
      </div>
      <div className="table-scroll">
        <table className="data" aria-label="Incident projects">
          <thead>
            <tr>
              <th scope="col">Project</th>
              <th scope="col" className="numeric">Incidents, last 12 months</th>
              <th scope="col" className="numeric">Significant reviewed on time</th>
              <th scope="col" className="numeric">Open actions</th>
              <th scope="col" className="numeric">Overdue</th>
              <th scope="col" className="numeric">Awaiting approval</th>
            </tr>
          </thead>
          <tbody>
            {summary.projects.map((project) => (
              <tr key={project.projectKey}>
                <th scope="row">
                  {project.name} <span className="subtlest">{project.projectKey}</span>
                </th>
                <td className="numeric">{project.incidentsLastYear}</td>
                <td className="numeric" title={`Within ${project.reviewTargetDays} days of resolution`}>
                  {formatKpi('percent', project.reviewsOnTime.value)}
                  {project.reviewsOnTime.denominator === undefined || project.reviewsOnTime.denominator === 0 ? null : (
                    <span className="subtlest"> ({project.reviewsOnTime.numerator ?? 0} of {project.reviewsOnTime.denominator})</span>
                  )}
                </td>
                <td className="numeric">{project.openActions}</td>
                <td className="numeric">{project.overdue > 0 ? <strong className="overdue-days">{project.overdue}</strong> : 0}</td>
                <td className="numeric">{project.awaitingApproval}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
