import '../../zod-jitless.ts';
import { mountOptions } from '../../options/mount.tsx';

const root = document.getElementById('root');
if (root) mountOptions(root);
