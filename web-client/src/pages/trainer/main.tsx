import { render } from 'preact';
import '../../styles/app.css';
import './trainer.css';
import { TrainerApp } from './TrainerApp';

render(<TrainerApp />, document.getElementById('app')!);
