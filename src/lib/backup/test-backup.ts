/** For unit tests: a backup read back from its exported file, checked as an import checks it. */
import type { ExportedBackup } from './backup';
import { checkBackup, type Backup } from './format';

export async function throughFile({ file }: ExportedBackup): Promise<Backup> {
	const result = checkBackup(await file.text());
	if (!result.ok) throw new Error(result.message);
	return result.backup;
}
