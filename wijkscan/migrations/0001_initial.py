"""The wijkscan's models move here from the phases app, with their rows.

The tables already exist (phases.0001 created them): this migration only tells Django's state
that they now belong to this app, still under their old names; 0002 renames them.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('phases', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='ScanQuestion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('slug', models.SlugField(help_text="Its name in the scan's shareable address; keep it short and stable.", max_length=40, unique=True, verbose_name='slug')),
                        ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                        ('text', models.CharField(max_length=200, verbose_name='question')),
                        ('text_nl', models.CharField(max_length=200, null=True, verbose_name='question')),
                        ('text_en', models.CharField(max_length=200, null=True, verbose_name='question')),
                        ('explanation', models.CharField(blank=True, help_text='Optional hint under the question.', max_length=250, verbose_name='explanation')),
                        ('explanation_nl', models.CharField(blank=True, help_text='Optional hint under the question.', max_length=250, null=True, verbose_name='explanation')),
                        ('explanation_en', models.CharField(blank=True, help_text='Optional hint under the question.', max_length=250, null=True, verbose_name='explanation')),
                    ],
                    options={
                        'verbose_name': 'scan question',
                        'verbose_name_plural': 'scan questions',
                        'ordering': ['position', 'slug'],
                        'db_table': 'phases_scanquestion',
                    },
                ),
                migrations.CreateModel(
                    name='ScanAnswer',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('slug', models.SlugField(help_text="Its value in the scan's shareable address.", max_length=40, verbose_name='slug')),
                        ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                        ('text', models.CharField(max_length=200, verbose_name='answer')),
                        ('text_nl', models.CharField(max_length=200, null=True, verbose_name='answer')),
                        ('text_en', models.CharField(max_length=200, null=True, verbose_name='answer')),
                        ('question', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='answers', to='wijkscan.scanquestion', verbose_name='question')),
                    ],
                    options={
                        'verbose_name': 'scan answer',
                        'verbose_name_plural': 'scan answers',
                        'ordering': ['position', 'id'],
                        'db_table': 'phases_scananswer',
                    },
                ),
                migrations.CreateModel(
                    name='ScanWeight',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('points', models.PositiveSmallIntegerField(help_text='1 is a weak signal of this phase, 5 a very strong one.', verbose_name='points')),
                        ('answer', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='weights', to='wijkscan.scananswer', verbose_name='answer')),
                        ('phase', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='scan_weights', to='phases.phase', verbose_name='phase')),
                    ],
                    options={
                        'verbose_name': 'weight',
                        'verbose_name_plural': 'weights',
                        'db_table': 'phases_scanweight',
                    },
                ),
                migrations.AddConstraint(
                    model_name='scananswer',
                    constraint=models.UniqueConstraint(fields=('question', 'slug'), name='unique_answer_per_question'),
                ),
                migrations.AddConstraint(
                    model_name='scanweight',
                    constraint=models.UniqueConstraint(fields=('answer', 'phase'), name='one_weight_per_answer_and_phase'),
                ),
                migrations.AddConstraint(
                    model_name='scanweight',
                    constraint=models.CheckConstraint(condition=models.Q(('points__gte', 1), ('points__lte', 5)), name='scan_weight_one_to_five'),
                ),
            ],
        ),
    ]
